using KinerjaBot.Actions;
using KinerjaBot.Conversations;

namespace KinerjaBot.Tests.Conversations;

/// <summary>
/// The rollup's "Benar: …" confirms only the question it was shown on: its button carries that question's stamp, the
/// stamp survives a restart, and a question stored before the stamp still takes its own bare button.
/// </summary>
public sealed class RollupQuestionStampTests
{
    private static readonly AwaitingRollupState Asked =
        new AwaitingRollupState(7, "IK-5.3", BackToSummary: false, 150m, "Jumlah Juli–September: 48 + 52 + 50 = 150") { AskedAt = 639000000000000002, ComputedAskedAt = 639000000000000002 };

    [Fact]
    public void Benar_confirms_the_question_it_was_shown_on_and_no_other()
    {
        Assert.True(CallbackAction.TryParse(CallbackAction.ForRollup(Asked.ComputedAskedAt), out var own));
        Assert.True(CallbackAction.TryParse(CallbackAction.ForRollup(Asked.ComputedAskedAt - 1), out var older));
        Assert.True(CallbackAction.TryParse(CallbackAction.ForRollup(0), out var unstamped));

        Assert.Equal(CallbackAction.RollupKind, own.Kind);
        Assert.True(Asked.IsComputedAnsweredBy(own.Argument));
        Assert.False(Asked.IsComputedAnsweredBy(older.Argument));
        Assert.False(Asked.IsComputedAnsweredBy(unstamped.Argument));
    }

    [Fact]
    public void Benar_still_confirms_after_an_implausible_correction_moved_the_question_stamp_on()
    {
        var correcting = Asked with { PendingValue = 500m, PendingNote = "salah hitung", AskedAt = Asked.AskedAt + 1 };

        Assert.True(correcting.IsComputedAnsweredBy(CallbackAction.ForRollup(Asked.ComputedAskedAt)[2..]));
    }

    [Fact]
    public void The_stamp_of_benar_survives_a_restart_and_a_question_stored_before_it_takes_the_bare_button()
    {
        var json = ChatStateJson.Write(Asked);
        Assert.Equal(Asked.ComputedAskedAt, Assert.IsType<AwaitingRollupState>(ChatStateJson.Read(json)).ComputedAskedAt);

        var before = Assert.IsType<AwaitingRollupState>(ChatStateJson.Read(json.Replace(",\"computedAskedAt\":639000000000000002", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(0, before.ComputedAskedAt);
        Assert.Equal("r", CallbackAction.ForRollup(before.ComputedAskedAt));
        Assert.True(before.IsComputedAnsweredBy(null));
        Assert.False(before.IsComputedAnsweredBy(CallbackAction.ForRollup(Asked.ComputedAskedAt)[2..]));
    }
}
