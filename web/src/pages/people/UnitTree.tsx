/**
 * The unit tree (OPD → bidang → seksi) as nested lists: each unit with children has a disclosure button
 * (aria-expanded), and its name is a button that picks it. Plain buttons in lists: Tab and Enter/Space do it all,
 * and a screen reader hears the nesting.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { Unit } from './data';
import { type TreeNode, treeOf } from './scope';

interface Props {
  units: Unit[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}

export function UnitTree({ units, selected, onSelect }: Props) {
  const roots = treeOf(units);
  // The OPDs open at first, so the bidang show without a tap.
  const [open, setOpen] = useState<Set<string>>(() => new Set(roots.map((r) => r.unit.code)));
  const toggle = (code: string) =>
    setOpen((now) => {
      const next = new Set(now);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  return (
    <ul className="unit-tree">
      {roots.map((node) => (
        <Branch key={node.unit.code} node={node} open={open} toggle={toggle} selected={selected} onSelect={onSelect} />
      ))}
    </ul>
  );
}

function Branch({
  node,
  open,
  toggle,
  selected,
  onSelect,
}: {
  node: TreeNode<Unit>;
  open: Set<string>;
  toggle: (code: string) => void;
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const { t } = useI18n();
  const { unit, children } = node;
  const expanded = open.has(unit.code);
  return (
    <li>
      <div className="unit-row">
        {children.length > 0 ? (
          <button
            type="button"
            className="unit-toggle"
            aria-expanded={expanded}
            aria-label={t('people.tree.subunits', { name: unit.name })}
            onClick={() => toggle(unit.code)}
          >
            <span aria-hidden="true">{expanded ? '−' : '+'}</span>
          </button>
        ) : (
          <span className="unit-toggle-space" />
        )}
        <button
          type="button"
          className="unit-name"
          aria-current={selected === unit.code ? 'true' : undefined}
          onClick={() => onSelect(unit.code)}
        >
          <span>{unit.name}</span>
          <span className="unit-meta">
            {t(`people.kind.${unit.kind}`)} · {unit.code}
          </span>
        </button>
      </div>
      {expanded && children.length > 0 && (
        <ul>
          {children.map((child) => (
            <Branch
              key={child.unit.code}
              node={child}
              open={open}
              toggle={toggle}
              selected={selected}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
