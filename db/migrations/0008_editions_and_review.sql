CREATE TABLE `answer_reconfirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`answer_version_id` integer NOT NULL,
	`confirmed_by` integer,
	`confirmed_on` text NOT NULL,
	`previous_review_by` text,
	`next_review_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`answer_version_id`) REFERENCES `answer_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `answer_reconfirmations_version` ON `answer_reconfirmations` (`answer_version_id`);--> statement-breakpoint
CREATE TABLE `answer_review_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`answer_version_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`edition_id` integer NOT NULL,
	`change` text NOT NULL,
	`resolved_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`answer_version_id`) REFERENCES `answer_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edition_id`) REFERENCES `code_editions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "answer_review_flags_change" CHECK("answer_review_flags"."change" in ('changed', 'removed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answer_review_flags_unique` ON `answer_review_flags` (`answer_version_id`,`article_id`,`edition_id`);--> statement-breakpoint
CREATE TABLE `code_edition_articles` (
	`edition_id` integer NOT NULL,
	`anchor` text NOT NULL,
	`heading` text NOT NULL,
	`body_md` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`edition_id`, `anchor`),
	FOREIGN KEY (`edition_id`) REFERENCES `code_editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `code_editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_id` integer NOT NULL,
	`label` text NOT NULL,
	`effective_from` text NOT NULL,
	`ends_on` text,
	`source_url` text NOT NULL,
	`summary_md` text DEFAULT '' NOT NULL,
	`intro_md` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `code_editions_code_date` ON `code_editions` (`code_id`,`effective_from`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`href` text NOT NULL,
	`read_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_kind" CHECK("__new_notifications"."kind" in ('proposal-accepted', 'proposal-rejected', 'proposal-merged', 'proposal-answered', 'reply', 'comment-hidden', 'suggestion-decided', 'proposal-new', 'suggestion-new', 'answer-adopted', 'comment-on-answer', 'review-needed'))
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "user_id", "kind", "message", "href", "read_at", "created_at") SELECT "id", "user_id", "kind", "message", "href", "read_at", "created_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
ALTER TABLE `regions` ADD `review_years` integer;