using System.Globalization;

namespace KinerjaBot.Sandbox;

/// <summary>Button presses waiting for the bot's <c>answerCallbackQuery</c>, and the answers it gave.</summary>
internal sealed class CallbackQueries
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PendingCallbackQuery> _pending = new(StringComparer.Ordinal);
    private readonly List<CallbackAnswer> _answers = [];
    private readonly Action _answered;
    private long _nextNumber = 1;

    /// <param name="answered">Runs after an answer is recorded, outside this lock: the answer's text is visible on the page.</param>
    public CallbackQueries(Action answered) => _answered = answered;

    public string Open(long userId, long messageId, string data)
    {
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{userId}{_nextNumber++:D6}");
            _pending[id] = new PendingCallbackQuery(id, userId, messageId, data);
            return id;
        }
    }

    public void Answer(string id, string? text, bool showAlert)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(id, out var query) || query.Answered)
            {
                throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            query.Answered = true;
            _answers.Add(new CallbackAnswer(query.Id, query.UserId, query.MessageId, query.Data, text, showAlert));
        }

        _answered();
    }

    public IReadOnlyList<CallbackAnswer> Answers()
    {
        lock (_gate)
        {
            return [.. _answers];
        }
    }
}
