DROP INDEX `answers_region`;--> statement-breakpoint
CREATE INDEX `answers_region` ON `answers` (`region_id`,`status`,`dilemma_id`);--> statement-breakpoint
DROP INDEX `dilemmas_status`;--> statement-breakpoint
DROP INDEX `dilemmas_origin_region`;--> statement-breakpoint
CREATE INDEX `dilemmas_title` ON `dilemmas` (`title`);--> statement-breakpoint
CREATE INDEX `dilemmas_proposed_by` ON `dilemmas` (`proposed_by`);--> statement-breakpoint
CREATE INDEX `dilemmas_status` ON `dilemmas` (`status`,"raised_on" desc,`title`);--> statement-breakpoint
CREATE INDEX `dilemmas_origin_region` ON `dilemmas` (`origin_region_id`,`status`);--> statement-breakpoint
CREATE INDEX `answer_versions_published` ON `answer_versions` (`answer_id`,`version`,`published_at`,`review_by`,`verdict`) WHERE "answer_versions"."published_at" is not null;--> statement-breakpoint
CREATE INDEX `answer_versions_published_at` ON `answer_versions` (`published_at`);