import type { ImportBatchReport } from '../../../db/api/contract';
import { formatCount, plural } from '../lib/format';
import { displayName, type ImportRun } from '../store/importSlice';
import { ProblemTable } from './ProblemTable';

export function ImportReportView({ run, report }: { run: ImportRun; report: ImportBatchReport }) {
  const name = (path: string) => displayName(run, path);
  const fileCount = report.files.length + report.failed.length;
  return (
    <div className="import-report">
      <p className="import-summary" role="status">
        <strong>Import finished.</strong> {plural(fileCount, 'file', 'files')}: {formatCount(report.read)} records read,{' '}
        {formatCount(report.inserted)} added, {formatCount(report.duplicates)} already known,{' '}
        {formatCount(report.rejected)} rejected.
      </p>

      {report.files.length > 0 && (
        <table className="report-table">
          <caption className="visually-hidden">Files imported</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Read
              </th>
              <th scope="col" className="num">
                Inserted
              </th>
              <th scope="col" className="num">
                Duplicates
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((file, i) => (
              <tr key={i}>
                <th scope="row" className="report-file" title={name(file.file)}>
                  {name(file.file)}
                </th>
                <td>{file.format}</td>
                <td className="num">{formatCount(file.read)}</td>
                <td className="num">{formatCount(file.inserted)}</td>
                <td className="num">{formatCount(file.duplicates)}</td>
                <td className={file.rejected > 0 ? 'num report-rejected' : 'num'}>{formatCount(file.rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {report.failed.length > 0 && (
        <section className="report-section" aria-labelledby="report-failed">
          <h3 id="report-failed" className="section-title">
            Not imported ({report.failed.length})
          </h3>
          <ul className="failed-list">
            {report.failed.map((f, i) => (
              <li key={i} className="alert alert-error">
                <strong className="break-anywhere">{name(f.file)}</strong>
                {f.line > 0 && <span className="muted"> line {f.line}</span>}: {f.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      {report.rejected > 0 && (
        <section className="report-section" aria-labelledby="report-rejected">
          <h3 id="report-rejected" className="section-title">
            Rejected records ({formatCount(report.rejected)})
          </h3>
          <ProblemTable label="Rejected records" problems={report.errors} fileName={name} />
          {report.errors.length < report.rejected && (
            <p className="muted">
              Listed: the first {formatCount(report.errors.length)} of {formatCount(report.rejected)}. Reports keep the
              first 1,000 of each file; the counts above are exact.
            </p>
          )}
        </section>
      )}

      {report.warnings.length > 0 && (
        <section className="report-section" aria-labelledby="report-warnings">
          <h3 id="report-warnings" className="section-title">
            Warnings ({formatCount(report.warnings.length)})
          </h3>
          <p className="muted">Accepted with a caveat. Repeated warnings are listed once, at their first line.</p>
          <ProblemTable label="Warnings" problems={report.warnings} fileName={name} />
        </section>
      )}
    </div>
  );
}
