/**
 * Lambda event-source filtering (the subset our manifest uses), so the local stream poller hands a consumer
 * exactly the records Lambda would. A record matches when any pattern matches; a pattern matches when every
 * key matches; a leaf is a list of alternatives: a literal, {prefix}, {exists}, {"anything-but": [...]}.
 */
type Pattern = Record<string, unknown>;

function leafMatches(value: unknown, alternatives: unknown[]): boolean {
  return alternatives.some((alt) => {
    if (alt !== null && typeof alt === 'object') {
      const rule = alt as Record<string, unknown>;
      if ('prefix' in rule) return typeof value === 'string' && value.startsWith(String(rule.prefix));
      if ('exists' in rule) return rule.exists ? value !== undefined : value === undefined;
      if ('anything-but' in rule) {
        const banned = Array.isArray(rule['anything-but']) ? rule['anything-but'] : [rule['anything-but']];
        return value !== undefined && !banned.includes(value);
      }
      throw new Error(`unsupported filter rule ${JSON.stringify(rule)}`);
    }
    return value === alt;
  });
}

function patternMatches(value: unknown, pattern: Pattern): boolean {
  return Object.entries(pattern).every(([key, sub]) => {
    const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return Array.isArray(sub) ? leafMatches(child, sub) : patternMatches(child, sub as Pattern);
  });
}

export const matchesFilters = (record: unknown, patterns: Pattern[]): boolean =>
  patterns.length === 0 || patterns.some((p) => patternMatches(record, p));
