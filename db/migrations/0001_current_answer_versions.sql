CREATE VIEW `current_answer_versions` AS
SELECT av.`id`, av.`answer_id`, a.`dilemma_id`, a.`region_id`, av.`version`, av.`verdict`, av.`route`,
       av.`agreed_on`, av.`review_by`, av.`published_at`, av.`adopted_from_version_id`
FROM `answer_versions` av
JOIN `answers` a ON a.`id` = av.`answer_id`
WHERE a.`status` = 'published'
  AND av.`published_at` IS NOT NULL
  AND av.`version` = (
    SELECT max(v.`version`) FROM `answer_versions` v
    WHERE v.`answer_id` = av.`answer_id` AND v.`published_at` IS NOT NULL
  );
