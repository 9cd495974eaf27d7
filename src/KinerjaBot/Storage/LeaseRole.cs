namespace KinerjaBot.Storage;

/// <summary>A job that only one instance on the database may do at a time.</summary>
public enum LeaseRole
{
    /// <summary>Sending the outgoing queue: each row goes out once, and Telegram's limits hold for the bot as a whole.</summary>
    Sender,

    /// <summary>A reminder pass: two instances must not both look for what is late at the same moment.</summary>
    Reminders,
}
