import { findPair, formatShare, type PairAgreement, shareBucket } from "~/compare/agreement";

/** Every pair of regions: the share of shared dilemmas with the same verdict, and how many they share. */
export function AgreementHeatmap({
  regions,
  pairs,
}: {
  regions: { slug: string; name: string }[];
  pairs: PairAgreement[];
}) {
  return (
    <div className="table-wrap" role="region" aria-labelledby="heatmap-titel" tabIndex={0}>
      <table className="heatmap">
        <caption id="heatmap-titel" className="visually-hidden">
          Overeenstemming tussen regio's: deel van de gedeelde dilemma's met hetzelfde oordeel
        </caption>
        <thead>
          <tr>
            <td />
            {regions.map((r) => (
              <th key={r.slug} scope="col">
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {regions.map((row) => (
            <tr key={row.slug}>
              <th scope="row">{row.name}</th>
              {regions.map((column) => {
                if (row.slug === column.slug) {
                  return (
                    <td key={column.slug} className="heatmap__self">
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">dezelfde regio</span>
                    </td>
                  );
                }
                const pair = findPair(pairs, row.slug, column.slug)!;
                if (pair.share === null) {
                  return (
                    <td key={column.slug} className="heatmap__none">
                      <span className="heatmap__count">geen gedeelde dilemma's</span>
                    </td>
                  );
                }
                return (
                  <td key={column.slug} className={`heatmap__bucket-${shareBucket(pair.share)}`}>
                    <span className="heatmap__share">{formatShare(pair.share)}</span>
                    <span className="heatmap__count">
                      {pair.same} van {pair.both}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
