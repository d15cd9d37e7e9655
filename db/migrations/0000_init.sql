CREATE TABLE `answer_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`answer_id` integer NOT NULL,
	`version` integer NOT NULL,
	`verdict` text NOT NULL,
	`route` text NOT NULL,
	`grounding_md` text NOT NULL,
	`purpose_md` text NOT NULL,
	`necessity_md` text NOT NULL,
	`proportionality_md` text NOT NULL,
	`agreement_md` text NOT NULL,
	`conditions` text DEFAULT '[]' NOT NULL,
	`agreed_on` text NOT NULL,
	`agreed_by` text DEFAULT '' NOT NULL,
	`review_by` text,
	`adopted_from_version_id` integer,
	`published_at` text,
	`created_by` integer,
	`origin` text DEFAULT 'app' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`adopted_from_version_id`) REFERENCES `answer_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "answer_versions_version_positive" CHECK("answer_versions"."version" >= 1),
	CONSTRAINT "answer_versions_verdict" CHECK("answer_versions"."verdict" in ('delen', 'delen-onder-voorwaarden', 'niet-delen')),
	CONSTRAINT "answer_versions_route" CHECK("answer_versions"."route" in ('toestemming', 'wettelijke-plicht', 'meldrecht', 'conflict-van-plichten', 'geen-beroepsgeheim')),
	CONSTRAINT "answer_versions_origin" CHECK("answer_versions"."origin" in ('content', 'app'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answer_versions_answer_version` ON `answer_versions` (`answer_id`,`version`);--> statement-breakpoint
CREATE INDEX `answer_versions_adopted_from` ON `answer_versions` (`adopted_from_version_id`);--> statement-breakpoint
CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dilemma_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`withdrawn_reason` text,
	`origin` text DEFAULT 'app' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`dilemma_id`) REFERENCES `dilemmas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "answers_status" CHECK("answers"."status" in ('published', 'withdrawn')),
	CONSTRAINT "answers_origin" CHECK("answers"."origin" in ('content', 'app'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_dilemma_region` ON `answers` (`dilemma_id`,`region_id`);--> statement-breakpoint
CREATE INDEX `answers_region` ON `answers` (`region_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_id` integer NOT NULL,
	`anchor` text NOT NULL,
	`heading` text NOT NULL,
	`body_md` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_code_anchor` ON `articles` (`code_id`,`anchor`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`region_id` integer,
	`summary` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_region_time` ON `audit_log` (`region_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_time` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `citations` (
	`answer_version_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`answer_version_id`, `article_id`),
	FOREIGN KEY (`answer_version_id`) REFERENCES `answer_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "citations_kind" CHECK("citations"."kind" in ('ground', 'code'))
);
--> statement-breakpoint
CREATE INDEX `citations_article` ON `citations` (`article_id`);--> statement-breakpoint
CREATE TABLE `codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`issuer` text NOT NULL,
	`profession` text,
	`version` text NOT NULL,
	`source_url` text NOT NULL,
	`intro_md` text DEFAULT '' NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "codes_kind" CHECK("codes"."kind" in ('beroepscode', 'wet', 'richtlijn')),
	CONSTRAINT "codes_origin" CHECK("codes"."origin" in ('content', 'app'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `codes_slug_unique` ON `codes` (`slug`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dilemma_id` integer NOT NULL,
	`author_id` integer,
	`parent_id` integer,
	`body_md` text NOT NULL,
	`hidden_reason` text,
	`hidden_by` integer,
	`hidden_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`dilemma_id`) REFERENCES `dilemmas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`parent_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hidden_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comments_dilemma` ON `comments` (`dilemma_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `dilemma_asking_sectors` (
	`dilemma_id` integer NOT NULL,
	`sector` text NOT NULL,
	PRIMARY KEY(`dilemma_id`, `sector`),
	FOREIGN KEY (`dilemma_id`) REFERENCES `dilemmas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "dilemma_asking_sectors_sector" CHECK("dilemma_asking_sectors"."sector" in ('gemeente', 'wijkteam', 'onderwijs', 'jeugdhulp', 'zorg', 'ggz', 'huisarts', 'politie', 'justitie', 'reclassering', 'veilig-thuis', 'woningcorporatie', 'schuldhulp'))
);
--> statement-breakpoint
CREATE TABLE `dilemma_themes` (
	`dilemma_id` integer NOT NULL,
	`theme_slug` text NOT NULL,
	PRIMARY KEY(`dilemma_id`, `theme_slug`),
	FOREIGN KEY (`dilemma_id`) REFERENCES `dilemmas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_slug`) REFERENCES `themes`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dilemma_themes_theme` ON `dilemma_themes` (`theme_slug`);--> statement-breakpoint
CREATE TABLE `dilemmas` (
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
	CONSTRAINT "dilemmas_holder_sector" CHECK("dilemmas"."holder_sector" in ('gemeente', 'wijkteam', 'onderwijs', 'jeugdhulp', 'zorg', 'ggz', 'huisarts', 'politie', 'justitie', 'reclassering', 'veilig-thuis', 'woningcorporatie', 'schuldhulp')),
	CONSTRAINT "dilemmas_status" CHECK("dilemmas"."status" in ('proposed', 'on-agenda', 'answered', 'rejected', 'merged')),
	CONSTRAINT "dilemmas_origin" CHECK("dilemmas"."origin" in ('content', 'app')),
	CONSTRAINT "dilemmas_merged_has_target" CHECK("dilemmas"."status" <> 'merged' or "dilemmas"."merged_into_id" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dilemmas_slug_unique` ON `dilemmas` (`slug`);--> statement-breakpoint
CREATE INDEX `dilemmas_status` ON `dilemmas` (`status`);--> statement-breakpoint
CREATE INDEX `dilemmas_origin_region` ON `dilemmas` (`origin_region_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "memberships_role" CHECK("memberships"."role" in ('member', 'facilitator')),
	CONSTRAINT "memberships_status" CHECK("memberships"."status" in ('pending', 'active', 'rejected'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_user_region` ON `memberships` (`user_id`,`region_id`);--> statement-breakpoint
CREATE INDEX `memberships_region` ON `memberships` (`region_id`,`status`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_id` integer NOT NULL,
	`name` text NOT NULL,
	`sector` text NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "organisations_sector" CHECK("organisations"."sector" in ('gemeente', 'wijkteam', 'onderwijs', 'jeugdhulp', 'zorg', 'ggz', 'huisarts', 'politie', 'justitie', 'reclassering', 'veilig-thuis', 'woningcorporatie', 'schuldhulp')),
	CONSTRAINT "organisations_origin" CHECK("organisations"."origin" in ('content', 'app'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_region_name` ON `organisations` (`region_id`,`name`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_by` integer,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`province` text NOT NULL,
	`since` text NOT NULL,
	`description_md` text DEFAULT '' NOT NULL,
	`origin` text DEFAULT 'app' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "regions_origin" CHECK("regions"."origin" in ('content', 'app'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regions_slug_unique` ON `regions` (`slug`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `themes` (
	`slug` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`profession` text DEFAULT '' NOT NULL,
	`organisation_id` integer,
	`password_hash` text NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);