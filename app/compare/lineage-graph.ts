// Who took over how many answers from whom: the lineage graph's geometry, drawn by LineageGraph.

export interface LineageEdgeInput {
  from: string;
  to: string;
}

export interface GraphNode {
  slug: string;
  name: string;
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  anchor: "start" | "middle" | "end";
}

export interface GraphEdge {
  from: string;
  to: string;
  count: number;
  /** A quadratic curve, bent to its own left so that A→B and B→A do not cover each other. */
  path: string;
  labelX: number;
  labelY: number;
}

export const GRAPH_SIZE = { width: 560, height: 380 };
const NODE_RADIUS = 9;
const round = (n: number) => Math.round(n * 10) / 10;

/** Regions on a circle, one edge per (source, adopter) pair with the number of adoptions. */
export function layoutLineage(regions: { slug: string; name: string }[], adoptions: LineageEdgeInput[]) {
  const cx = GRAPH_SIZE.width / 2;
  const cy = GRAPH_SIZE.height / 2;
  const radius = Math.min(cx, cy) - 50;
  const nodes: GraphNode[] = regions.map((region, i) => {
    // Start at the top and go clockwise.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, regions.length);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    return {
      ...region,
      x: round(cx + radius * cos),
      y: round(cy + radius * sin),
      labelX: round(cx + (radius + 16) * cos),
      labelY: round(cy + (radius + 16) * sin + (sin > 0.3 ? 10 : sin < -0.3 ? -4 : 4)),
      anchor: cos > 0.3 ? "start" : cos < -0.3 ? "end" : "middle",
    };
  });
  const position = new Map(nodes.map((n) => [n.slug, n]));

  const counts = new Map<string, number>();
  for (const { from, to } of adoptions) {
    if (from === to || !position.has(from) || !position.has(to)) continue;
    const key = `${from}\u0000${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const edges: GraphEdge[] = [...counts].map(([key, count]) => {
    const [from, to] = key.split("\u0000") as [string, string];
    const [a, b] = [position.get(from)!, position.get(to)!];
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const length = Math.hypot(dx, dy);
    const [ux, uy] = [dx / length, dy / length];
    const bend = 0.18 * length;
    const control = { x: (a.x + b.x) / 2 + uy * bend, y: (a.y + b.y) / 2 - ux * bend };
    // Start and end just outside the nodes; the end leaves room for the arrow head.
    const start = towards(a, control, NODE_RADIUS + 2);
    const end = towards(b, control, NODE_RADIUS + 4);
    return {
      from,
      to,
      count,
      path: `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`,
      labelX: round(0.25 * a.x + 0.5 * control.x + 0.25 * b.x),
      labelY: round(0.25 * a.y + 0.5 * control.y + 0.25 * b.y),
    };
  });
  return { nodes, edges, nodeRadius: NODE_RADIUS, ...GRAPH_SIZE };
}

function towards(point: { x: number; y: number }, target: { x: number; y: number }, distance: number) {
  const [dx, dy] = [target.x - point.x, target.y - point.y];
  const length = Math.hypot(dx, dy) || 1;
  return { x: point.x + (dx / length) * distance, y: point.y + (dy / length) * distance };
}

export type LineageLayout = ReturnType<typeof layoutLineage>;

/** Adoptions grouped per (source, adopter) pair, in the order they come: the table beside the graph. */
export function groupByPair<T extends { from: { regionSlug: string }; to: { regionSlug: string } }>(adoptions: T[]) {
  const groups = new Map<string, T[]>();
  for (const adoption of adoptions) {
    const key = `${adoption.from.regionSlug}\u0000${adoption.to.regionSlug}`;
    groups.set(key, [...(groups.get(key) ?? []), adoption]);
  }
  return [...groups.values()].map((items): { from: T["from"]; to: T["to"]; items: T[] } => ({
    from: items[0]!.from,
    to: items[0]!.to,
    items,
  }));
}
