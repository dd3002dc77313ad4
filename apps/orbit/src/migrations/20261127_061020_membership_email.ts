import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_workspace_members\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`user_id\` integer,
  	\`email\` text,
  	\`workspace_id\` integer NOT NULL,
  	\`role\` text DEFAULT 'member' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workspace_id\`) REFERENCES \`workspaces\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  // Edited after generation: the old table has no email column (SQLite would read the generated
  // "email" as a string literal); it starts empty and is filled from users below.
  await db.run(sql`INSERT INTO \`__new_workspace_members\`("id", "user_id", "email", "workspace_id", "role", "updated_at", "created_at") SELECT "id", "user_id", NULL, "workspace_id", "role", "updated_at", "created_at" FROM \`workspace_members\`;`)
  await db.run(sql`DROP TABLE \`workspace_members\`;`)
  await db.run(sql`ALTER TABLE \`__new_workspace_members\` RENAME TO \`workspace_members\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`workspace_members_user_idx\` ON \`workspace_members\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`workspace_members_workspace_idx\` ON \`workspace_members\` (\`workspace_id\`);`)
  await db.run(sql`CREATE INDEX \`workspace_members_updated_at_idx\` ON \`workspace_members\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workspace_members_created_at_idx\` ON \`workspace_members\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`user_workspace_idx\` ON \`workspace_members\` (\`user_id\`,\`workspace_id\`);`)
  await db.run(sql`UPDATE \`workspace_members\` SET \`email\` = (SELECT \`email\` FROM \`users\` WHERE \`users\`.\`id\` = \`workspace_members\`.\`user_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_workspace_members\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`user_id\` integer NOT NULL,
  	\`workspace_id\` integer NOT NULL,
  	\`role\` text DEFAULT 'member' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workspace_id\`) REFERENCES \`workspaces\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_workspace_members\`("id", "user_id", "workspace_id", "role", "updated_at", "created_at") SELECT "id", "user_id", "workspace_id", "role", "updated_at", "created_at" FROM \`workspace_members\`;`)
  await db.run(sql`DROP TABLE \`workspace_members\`;`)
  await db.run(sql`ALTER TABLE \`__new_workspace_members\` RENAME TO \`workspace_members\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`workspace_members_user_idx\` ON \`workspace_members\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`workspace_members_workspace_idx\` ON \`workspace_members\` (\`workspace_id\`);`)
  await db.run(sql`CREATE INDEX \`workspace_members_updated_at_idx\` ON \`workspace_members\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workspace_members_created_at_idx\` ON \`workspace_members\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`user_workspace_idx\` ON \`workspace_members\` (\`user_id\`,\`workspace_id\`);`)
}
