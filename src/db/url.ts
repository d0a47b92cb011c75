// DATABASE_URL in the rollout guide's two forms: postgresql://user:pass@host:port/db and sqlite:///path.db
// (SQLAlchemy style: three slashes then a relative path, four for an absolute one, or :memory:).

export type DatabaseTarget = { kind: 'postgresql'; url: string; dbName: string; display: string } | { kind: 'sqlite'; path: string; display: string };

/** Text with the password of every URL in it replaced, safe for logs, errors and responses. */
export function maskUrl(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@]*@/gi, '$1***@');
}

export function parseDatabaseUrl(raw: string): DatabaseTarget {
  const display = maskUrl(raw);
  if (/^sqlite:\/\//i.test(raw)) {
    const m = /^sqlite:\/\/\/(.+)$/i.exec(raw);
    if (!m) {
      throw new Error(`malformed SQLite URL "${display}" (accepted: sqlite:///relative.db, sqlite:////absolute.db, sqlite:///:memory:)`);
    }
    return { kind: 'sqlite', path: m[1], display };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`malformed PostgreSQL URL "${display}" (accepted: postgresql://user:password@host:port/database)`);
    }
    const dbName = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!url.hostname || !dbName || dbName.includes('/')) {
      throw new Error(`malformed PostgreSQL URL "${display}" (accepted: postgresql://user:password@host:port/database)`);
    }
    return { kind: 'postgresql', url: raw, dbName, display };
  }
  throw new Error(`unsupported URL "${display}" (accepted: postgresql://user:password@host:port/database or sqlite:///path.db)`);
}
