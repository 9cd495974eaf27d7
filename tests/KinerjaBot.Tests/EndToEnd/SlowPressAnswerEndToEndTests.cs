using KinerjaBot.Domain;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// On a weak link Telegram may take long to take a press's answer (answerCallbackQuery). The update is applied once
/// its transaction commits; the answer must not hold the next updates, and with them every other official.
/// </summary>
public sealed class SlowPressAnswerEndToEndTests : IAsyncLifetime
{
    private static readonly Period Quarter = Period.Quarter(2026, 3);
    private readonly HeldPressAnswers _answers = new();
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(wire: _answers);

    public async Task DisposeAsync()
    {
        _answers.Release();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task While_a_press_is_still_being_answered_another_official_gets_a_reply_and_the_press_itself_took_effect()
    {
        var unit = SampleOffice.Configuration.Units[0];
        await _bot.RegisterAsync("staf-pk");
        await _bot.RegisterAsync(unit.HeadId);
        await _bot.OpenPeriodAsync(Quarter.Id);
        var head = _bot.Official(unit.HeadId);
        var prompt = await head.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);

        _answers.Hold();
        await head.PressButtonAsync(prompt.MessageId, prompt.FindButton("Mulai isi")!.CallbackData!);
        await _answers.Held.WaitAsync(BotHarness.Patience);

        var officer = _bot.Official("staf-pk");
        var before = _bot.Server.Version;
        await officer.SendTextAsync("/bantuan");
        await _bot.Server.WaitForBotMessageAsync(officer.ChatId, m => m.Content.Contains("Perintah yang tersedia"), BotHarness.Patience, before);
        Assert.True(_answers.IsHolding, "the reply should have come while the press's answer was still held");

        // The press was applied with its transaction: the unit's submission is filling.
        var instance = await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Quarter.Id, unit.Id, default));
        Assert.Equal(UnitSubmissionWorkflow.Filling, instance!.State);
    }

    /// <summary>Holds every answerCallbackQuery on its way to Telegram until released, as a link that stalls would.</summary>
    private sealed class HeldPressAnswers : DelegatingHandler
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _holding;
        private int _waiting;

        public Task Held => _held.Task;

        public bool IsHolding => Volatile.Read(ref _waiting) > 0;

        public void Hold() => _holding = true;

        public void Release() => _release.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_holding && request.RequestUri!.AbsolutePath.EndsWith("/answerCallbackQuery", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _waiting);
                _held.TrySetResult();
                try
                {
                    await _release.Task.WaitAsync(cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
