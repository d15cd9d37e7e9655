-- Rebuilds tables to widen the sector CHECKs. migrateDatabase runs migrations with foreign keys off (a
-- PRAGMA inside the migrator's transaction is ignored), so dropping `dilemmas` cascades to nothing.
CREATE TABLE `__new_dilemma_asking_sectors` (
	`dilemma_id` integer NOT NULL,
	`sector` text NOT NULL,
	PRIMARY KEY(`dilemma_id`, `sector`),
	FOREIGN KEY (`dilemma_id`) REFERENCES `dilemmas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "dilemma_asking_sectors_sector" CHECK("__new_dilemma_asking_sectors"."sector" in ('gemeente', 'wijkteam', 'onderwijs', 'jeugdhulp', 'zorg', 'ggz', 'huisarts', 'politie', 'justitie', 'reclassering', 'veilig-thuis', 'woningcorporatie', 'schuldhulp', 'kinderopvang', 'jeugdbescherming', 'jeugdreclassering'))
);
--> statement-breakpoint
INSERT INTO `__new_dilemma_asking_sectors`("dilemma_id", "sector") SELECT "dilemma_id", "sector" FROM `dilemma_asking_sectors`;--> statement-breakpoint
DROP TABLE `dilemma_asking_sectors`;--> statement-breakpoint
ALTER TABLE `__new_dilemma_asking_sectors` RENAME TO `dilemma_asking_sectors`;--> statement-breakpoint
CREATE TABLE `__new_dilemmas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`question` text NOT NULL,
	`situation_md` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`holder_sector` text NOT NULL,
	`origin_region_id` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`status_reason` text,
	`merged_into_id` integer,
	`raised_on` text NOT NULL,
	`proposed_by` integer,
	`origin` text DEFAULT 'app' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`origin_region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `dilemmas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "dilemmas_holder_sector" CHECK("__new_dilemmas"."holder_sector" in ('gemeente', 'wijkteam', 'onderwijs', 'jeugdhulp', 'zorg', 'ggz', 'huisarts', 'politie', 'justitie', 'reclassering', 'veilig-thuis', 'woningcorporatie', 'schuldhulp', 'kinderopvang', 'jeugdbescherming', 'jeugdreclassering')),
	CONSTRAINT "dilemmas_status" CHECK("__new_dilemmas"."status" in ('proposed', 'on-agenda', 'answered', 'rejected', 'merged')),
	CONSTRAINT "dilemmas_origin" CHECK("__new_dilemmas"."origin" in ('content', 'app')),
	CONSTRAINT "dilemmas_merged_has_target" CHECK("__new_dilemmas"."status" <> 'merged' or "__new_dilemmas"."merged_into_id" is not null)
);
--> statement-breakpoint
INSERT INTO `__new_dilemmas`("id", "slug", "title", "question", "situation_md", "purpose", "holder_sector", "origin_region_id", "status", "status_reason", "merged_into_id", "raised_on", "proposed_by", "origin", "created_at", "updated_at") SELECT "id", "slug", "title", "question", "situation_md", "purpose", "holder_sector", "origin_region_id", "status", "status_reason", "merged_into_id", "raised_on", "proposed_by", "origin", "created_at", "updated_at" FROM `dilemmas`;--> statement-breakpoint
DROP TABLE `dilemmas`;--> statement-breakpoint
ALTER TABLE `__new_dilemmas` RENAME TO `dilemmas`;--> statement-breakpoint
CREATE UNIQUE INDEX `dilemmas_slug_unique` ON `dilemmas` (`slug`);--> statement-breakpoint
CREATE INDEX `dilemmas_status` ON `dilemmas` (`status`,"raised_on" desc,`title`);--> statement-breakpoint
CREATE INDEX `dilemmas_title` ON `dilemmas` (`title`);--> statement-breakpoint
CREATE INDEX `dilemmas_origin_region` ON `dilemmas` (`origin_region_id`,`status`);--> statement-breakpoint
CREATE INDEX `dilemmas_proposed_by` ON `dilemmas` (`proposed_by`);--> statement-breakpoint
CREATE TABLE `__new_organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_id` integer NOT NULL,
	`name` text NOT NULL,
	`sector` text NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "organisations_sector" CHECK("__new_organisations"."sector" in ('gemeente', 'wijkteam', 'onderwijs', 'jeugdhulp', 'zorg', 'ggz', 'huisarts', 'politie', 'justitie', 'reclassering', 'veilig-thuis', 'woningcorporatie', 'schuldhulp', 'kinderopvang', 'jeugdbescherming', 'jeugdreclassering')),
	CONSTRAINT "organisations_origin" CHECK("__new_organisations"."origin" in ('content', 'app'))
);
--> statement-breakpoint
INSERT INTO `__new_organisations`("id", "region_id", "name", "sector", "origin", "created_at") SELECT "id", "region_id", "name", "sector", "origin", "created_at" FROM `organisations`;--> statement-breakpoint
DROP TABLE `organisations`;--> statement-breakpoint
ALTER TABLE `__new_organisations` RENAME TO `organisations`;--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_region_name` ON `organisations` (`region_id`,`name`);--> statement-breakpoint
ALTER TABLE `answer_versions` ADD `unverified` text DEFAULT '[]' NOT NULL;