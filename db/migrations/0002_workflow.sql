CREATE TABLE `adoption_suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`answer_version_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	`suggested_by` integer,
	`note_md` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`reason` text,
	`decided_by` integer,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`answer_version_id`) REFERENCES `answer_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`suggested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "adoption_suggestions_status" CHECK("adoption_suggestions"."status" in ('open', 'adopted', 'declined'))
);
--> statement-breakpoint
CREATE INDEX `adoption_suggestions_region` ON `adoption_suggestions` (`region_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `adoption_suggestions_one_open` ON `adoption_suggestions` (`answer_version_id`,`region_id`) WHERE "adoption_suggestions"."status" = 'open';--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`href` text NOT NULL,
	`read_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_kind" CHECK("notifications"."kind" in ('proposal-accepted', 'proposal-rejected', 'proposal-merged', 'proposal-answered', 'reply', 'comment-hidden', 'suggestion-decided'))
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `answer_versions_one_draft` ON `answer_versions` (`answer_id`) WHERE "answer_versions"."published_at" is null;