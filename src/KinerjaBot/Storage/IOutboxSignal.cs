namespace KinerjaBot.Storage;

/// <summary>
/// "Something was committed to the outbox: send it now". Code that queues outside an incoming update (the reminder
/// pass) calls it so its messages need not wait for the sender's next poll; the channel that drains the outbox
/// implements it. It lives beside the outbox so the queuing side does not depend on the channel.
/// </summary>
public interface IOutboxSignal
{
    /// <summary>Asks the sender to look at the outbox now; cheap and safe to call from any thread, any number of times.</summary>
    void Wake();
}
