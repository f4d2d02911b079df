import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, createJobClient, defaultJobTransport, defaultTransport } from './api/client';
import { App } from './components/App';
import { createAppStore } from './store';
import { StoreProvider } from './store/context';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/sidebar.css';
import './styles/case-view.css';
import './styles/dialogs.css';
import './styles/toasts.css';
import './styles/sections.css';
import './styles/tables.css';
import './styles/details.css';
import './styles/import.css';
import './styles/case-addresses.css';
import './styles/graph.css';
import './styles/trace.css';
import './styles/summary.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const store = createAppStore(createClient(defaultTransport()), createJobClient(defaultJobTransport()));
void store.getState().load();

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
