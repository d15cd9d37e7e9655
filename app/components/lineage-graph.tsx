import type { LineageLayout } from "~/compare/lineage-graph";

/**
 * The adoptions between regions as an SVG drawn on the server. It is an image with a short text
 * alternative; the table beside it says the same for screen readers.
 */
export function LineageGraph({ layout }: { layout: LineageLayout }) {
  const { nodes, edges, nodeRadius, width, height } = layout;
  const total = edges.reduce((sum, e) => sum + e.count, 0);
  return (
    <svg
      className="lineage-graph"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="overnames-svg-titel overnames-svg-uitleg"
    >
      <title id="overnames-svg-titel">Overnames tussen regio's</title>
      <desc id="overnames-svg-uitleg">
        {total === 0
          ? "Geen overnames tussen deze regio's."
          : `${total} ${total === 1 ? "overname" : "overnames"}; elke pijl loopt van de regio die de afspraak maakte naar de regio die hem overnam, met het aantal erbij. De tabel noemt elke overname.`}
      </desc>
      <defs>
        <marker
          id="overnames-pijl"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="9"
          markerHeight="9"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" className="lineage-graph__arrow" />
        </marker>
      </defs>
      {edges.map((edge) => (
        <g key={`${edge.from}-${edge.to}`} className="lineage-graph__edge">
          <path d={edge.path} strokeWidth={Math.min(6, 1.5 + edge.count)} markerEnd="url(#overnames-pijl)" />
          <circle cx={edge.labelX} cy={edge.labelY} r="10" />
          <text x={edge.labelX} y={edge.labelY + 4} textAnchor="middle">
            {edge.count}
          </text>
        </g>
      ))}
      {nodes.map((node) => (
        <g key={node.slug} className="lineage-graph__node">
          <circle cx={node.x} cy={node.y} r={nodeRadius} />
          <text x={node.labelX} y={node.labelY} textAnchor={node.anchor}>
            {node.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
