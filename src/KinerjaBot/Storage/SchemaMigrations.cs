namespace KinerjaBot.Storage;

/// <summary>
/// The schema, as an append-only list of migrations. Never edit a released step: add a new one,
/// because existing data files have already applied the old ones.
/// </summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Steps =
    [
        (1, "initial schema", """
            CREATE TABLE chat_bindings (
                official_id TEXT PRIMARY KEY,
                chat_id     INTEGER NOT NULL UNIQUE,
                user_id     INTEGER NOT NULL,
                bound_at    TEXT NOT NULL,
                unreachable INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE periods (
                id            TEXT PRIMARY KEY,
                opened_at     TEXT NOT NULL,
                opened_by     TEXT NOT NULL,
                fill_deadline TEXT NOT NULL
            );
            CREATE TABLE workflow_instances (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                kind           TEXT NOT NULL,
                period_id      TEXT NOT NULL REFERENCES periods(id),
                unit_id        TEXT NOT NULL DEFAULT '',
                state          TEXT NOT NULL,
                version        INTEGER NOT NULL,
                revision       INTEGER NOT NULL,
                stage_deadline TEXT,
                created_at     TEXT NOT NULL,
                updated_at     TEXT NOT NULL,
                UNIQUE (kind, period_id, unit_id)
            );
            CREATE TABLE submission_values (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                instance_id    INTEGER NOT NULL REFERENCES workflow_instances(id),
                indicator_code TEXT NOT NULL,
                revision       INTEGER NOT NULL,
                value          TEXT NOT NULL,
                note           TEXT,
                evidence_path  TEXT,
                entered_by     TEXT NOT NULL,
                entered_at     TEXT NOT NULL
            );
            CREATE INDEX ix_submission_values_instance ON submission_values (instance_id, indicator_code, id);
            CREATE TABLE audit_log (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                instance_id INTEGER NOT NULL REFERENCES workflow_instances(id),
                at_utc      TEXT NOT NULL,
                actor_id    TEXT NOT NULL,
                trigger     TEXT NOT NULL,
                from_state  TEXT NOT NULL,
                to_state    TEXT NOT NULL,
                reason      TEXT,
                version     INTEGER NOT NULL
            );
            CREATE INDEX ix_audit_log_instance ON audit_log (instance_id, id);
            CREATE TABLE telegram_offset (
                id          INTEGER PRIMARY KEY CHECK (id = 1),
                next_offset INTEGER NOT NULL
            );
            CREATE TABLE processed_updates (
                update_id    INTEGER PRIMARY KEY,
                processed_at TEXT NOT NULL
            );
            """),
        (2, "conversations and the outgoing message queue", """
            CREATE TABLE conversations (
                chat_id    INTEGER PRIMARY KEY,
                state_json TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE outbox (
                id                INTEGER PRIMARY KEY AUTOINCREMENT,
                chat_id           INTEGER NOT NULL,
                operation         TEXT NOT NULL,
                payload_json      TEXT NOT NULL,
                created_at        TEXT NOT NULL,
                sent_at           TEXT,
                failed_at         TEXT,
                last_error        TEXT,
                sent_message_id   INTEGER
            );
            CREATE INDEX ix_outbox_pending ON outbox (sent_at, failed_at, id);
            """),
        (3, "reminders: planned and sent reminders and digests", """
            CREATE TABLE reminders (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                reminder_key TEXT NOT NULL UNIQUE,
                kind         TEXT NOT NULL,
                recipient_id TEXT NOT NULL,
                stage_key    TEXT,
                requested_by TEXT,
                due_at       TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                closed_at    TEXT,
                outcome      TEXT
            );
            CREATE INDEX ix_reminders_open ON reminders (closed_at, due_at);
            """),
        (4, "outbox: messages that supersede earlier ones' buttons", """
            ALTER TABLE outbox ADD COLUMN supersede_key TEXT;
            CREATE INDEX ix_outbox_supersede ON outbox (chat_id, supersede_key, id);
            """),
        (5, "registration: an official's move to another Telegram account, held for an operator", """
            CREATE TABLE rebind_requests (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                official_id  TEXT NOT NULL,
                chat_id      INTEGER NOT NULL,
                user_id      INTEGER NOT NULL,
                old_chat_id  INTEGER NOT NULL,
                requested_at TEXT NOT NULL,
                decided_at   TEXT,
                decided_by   TEXT,
                approved     INTEGER
            );
            CREATE INDEX ix_rebind_requests_chat ON rebind_requests (chat_id, decided_at);
            """),
        (6, "format approval: the notification letters' running numbers, one sequence per year", """
            CREATE TABLE letter_numbers (
                year         INTEGER NOT NULL,
                number       INTEGER NOT NULL,
                period_id    TEXT NOT NULL REFERENCES periods(id),
                instance_id  INTEGER NOT NULL UNIQUE REFERENCES workflow_instances(id),
                allocated_at TEXT NOT NULL,
                PRIMARY KEY (year, number)
            );
            """),
        (7, "acting officials (Plt./Plh.) and closing a period opened by mistake", """
            CREATE TABLE acting_assignments (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                for_id     TEXT NOT NULL,
                by_id      TEXT NOT NULL,
                kind       TEXT NOT NULL,
                from_date  TEXT NOT NULL,
                to_date    TEXT NOT NULL,
                set_by     TEXT NOT NULL,
                set_at     TEXT NOT NULL,
                ended_at   TEXT,
                ended_by   TEXT
            );
            CREATE TABLE acting_notices (
                assignment_key TEXT PRIMARY KEY,
                told_at        TEXT NOT NULL
            );
            ALTER TABLE audit_log ADD COLUMN acting_for TEXT;
            ALTER TABLE audit_log ADD COLUMN acting_kind TEXT;
            CREATE TABLE period_closures (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                period_id   TEXT NOT NULL REFERENCES periods(id),
                closed_at   TEXT NOT NULL,
                closed_by   TEXT NOT NULL,
                reason      TEXT NOT NULL,
                reopened_at TEXT,
                reopened_by TEXT
            );
            CREATE INDEX ix_period_closures_period ON period_closures (period_id, id);
            """),
        (10, "WhatsApp: the channel of each binding and outbox row, WhatsApp message ids and statuses, the 24-hour window", """
            ALTER TABLE chat_bindings ADD COLUMN channel TEXT NOT NULL DEFAULT 'telegram';
            ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'telegram';
            ALTER TABLE outbox ADD COLUMN channel_message_id TEXT;
            ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
            CREATE INDEX ix_outbox_channel_message ON outbox (channel_message_id);
            CREATE TABLE whatsapp_chats (
                chat_id          INTEGER PRIMARY KEY,
                last_inbound_at  TEXT,
                template_sent_at TEXT
            );
            CREATE TABLE whatsapp_processed (
                message_id   TEXT PRIMARY KEY,
                processed_at TEXT NOT NULL
            );
            """),
        (16, "The outbox by chat, newest first: the questions asked on every update (which message shows a button, what a message shows now) stop at the chat's newest rows", """
            CREATE INDEX ix_outbox_chat ON outbox (chat_id, id);
            """),
    ];
}
