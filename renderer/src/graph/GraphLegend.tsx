import { useState } from 'react';
import { HIGHLIGHTS, KIND_STYLE, KINDS, SANCTIONED_COLOUR } from './palette';

/** Explains every mark on the canvas; drawn with the same colours and shapes, as SVG. */
export function GraphLegend() {
  const [open, setOpen] = useState(false);
  return (
    <div className="graph-legend" aria-label="Legend">
      <button type="button" className="graph-legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide legend' : 'Legend'}
      </button>
      {open && (
        <ul className="graph-legend-list">
          {KINDS.map((kind) => (
            <li key={kind}>
              <Swatch shape={KIND_STYLE[kind].shape} fill={KIND_STYLE[kind].fill} stroke={KIND_STYLE[kind].border} />
              {KIND_STYLE[kind].label}
            </li>
          ))}
          <li>
            <Swatch shape="ellipse" fill="#8a94a3" stroke="#5d6674" width={1} />
            Thin border: untagged · thick: confident tag
          </li>
          <li>
            <Swatch shape="ellipse" fill="#8a94a3" stroke={SANCTIONED_COLOUR} width={4} double />
            Red double border: sanctioned
          </li>
          <li>
            <Swatch shape="ellipse" fill="#8a94a3" stroke="#5d6674" dashed />
            Dashed outline: has a note or flags (⚑)
          </li>
          <li>
            <Swatch shape="ellipse" fill="#8a94a3" stroke="#5d6674" halo={HIGHLIGHTS[0]?.colour} />
            Halo: highlight colour
          </li>
          <li>
            <Swatch shape="round-rectangle" fill="transparent" stroke="#5d6674" dashed />
            Dashed box: group (double border when collapsed)
          </li>
          <li>
            <span className="legend-line" aria-hidden="true" />
            Edge width: value (log scale, USD where priced)
          </li>
          <li>
            <span className="legend-line legend-line-dashed" aria-hidden="true" />
            Dashed edge: has a note or flags
          </li>
          <li>“pinned” under a label: stays put in layouts</li>
        </ul>
      )}
    </div>
  );
}

interface SwatchProps {
  shape: string;
  fill: string;
  stroke: string;
  width?: number;
  double?: boolean;
  dashed?: boolean;
  halo?: string;
}

function Swatch({ shape, fill, stroke, width = 1.5, double, dashed, halo }: SwatchProps) {
  const common = { fill, stroke, strokeWidth: width };
  const body =
    shape === 'diamond' ? (
      <polygon points="9,1 17,9 9,17 1,9" {...common} />
    ) : shape === 'hexagon' ? (
      <polygon points="5,2 13,2 17,9 13,16 5,16 1,9" {...common} />
    ) : shape === 'rectangle' ? (
      <rect x="2" y="3" width="14" height="12" {...common} />
    ) : shape === 'round-rectangle' ? (
      <rect x="2" y="3" width="14" height="12" rx="3" {...common} />
    ) : (
      <circle cx="9" cy="9" r="6.5" {...common} />
    );
  return (
    <svg className="legend-swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      {halo && <circle cx="9" cy="9" r="8.5" fill={halo} opacity="0.6" />}
      {body}
      {double && <circle cx="9" cy="9" r="3.5" fill="none" stroke={stroke} strokeWidth="1.2" />}
      {dashed && (
        <circle cx="9" cy="9" r="8.3" fill="none" stroke="currentColor" strokeWidth="1" strokeDasharray="2 1.5" />
      )}
    </svg>
  );
}
