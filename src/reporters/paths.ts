/** Path helpers shared by the reporters: findings are workspace-relative, CI annotations want repo-relative paths. */

/** Joins the workspace prefix (relative to the git top) and a workspace-relative path; absolute paths pass through. */
export function repoRelative(prefix: string, file: string): string {
  if (file.startsWith('/') || prefix === '') return file;
  return `${prefix.replace(/\/$/, '')}/${file}`;
}
