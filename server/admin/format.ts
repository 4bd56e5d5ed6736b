/** Human output of a vendor command: short key: value lines, lists one item per block. */
export function formatHuman(command: string, output: unknown): string {
  return [`${command}: done`, render(output, '')].join('\n');
}

function render(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}(none)`;
    return value.map((item) => render(item, indent + '  ')).join(`\n${indent}  ---\n`);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) =>
        v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
          ? `${indent}${k}:\n${render(v, indent + '  ')}`
          : Array.isArray(v)
            ? `${indent}${k}:\n${render(v, indent)}`
            : `${indent}${k}: ${v === null ? '-' : typeof v === 'object' ? '{}' : String(v)}`,
      )
      .join('\n');
  }
  return `${indent}${String(value)}`;
}
