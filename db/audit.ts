import type { Db } from './open';

export interface AuditEntry {
  id: number;
  at: string;
  caseId: number | null;
  action: string;
  detail: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  case_id: number | null;
  action: string;
  detail: string;
}

export function appendAudit(db: Db, at: string, caseId: number | null, action: string, detail: object): void {
  db.prepare('INSERT INTO audit_log (at, case_id, action, detail) VALUES (?, ?, ?, ?)').run(
    at,
    caseId,
    action,
    JSON.stringify(detail),
  );
}

export function auditForCase(db: Db, caseId: number): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit_log WHERE case_id = ? ORDER BY id').all(caseId) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    caseId: r.case_id,
    action: r.action,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
