using KinerjaBot.Conversations;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Conversations;

/// <summary>Chat states survive a restart, and states stored by the bot before the typed records still load after an upgrade.</summary>
public sealed class ChatStateJsonTests
{
    public static TheoryData<ChatState> EveryKindOfState => new()
    {
        IdleState.Instance,
        new ChoosingReturnTarget(41, 900),
        new AwaitingValueState(7, "IKU-2", BackToSummary: true),
        new AwaitingConfirmationState(7, "IKU-2", BackToSummary: false, 350m, "Razia tiga kali"),
        new AwaitingEvidenceState(7, "IK-2.2", BackToSummary: false),
        new AwaitingReasonState([new PendingReturn(7, 3, WorkflowTrigger.Return, null, 120, null), new PendingReturn(41, 2, WorkflowTrigger.ReturnToUnit, "kesos", 130, 125)], "Foto kurang jelas"),
    };

    [Theory]
    [MemberData(nameof(EveryKindOfState))]
    public void Every_state_reads_back_as_it_was_written(ChatState state)
    {
        var read = ChatStateJson.Read(ChatStateJson.Write(state));

        Assert.Equal(state.GetType(), read.GetType());
        Assert.Equal(ChatStateJson.Write(state), ChatStateJson.Write(read));
    }

    [Fact]
    public void A_stored_state_names_its_kind_by_a_stable_name_not_the_class_name()
    {
        var json = ChatStateJson.Write(new AwaitingValueState(7, "IKU-2", BackToSummary: false));

        Assert.StartsWith("{\"state\":\"awaiting-value\"", json);
    }

    [Fact]
    public void An_official_mid_value_before_the_upgrade_is_still_asked_the_same_indicator()
    {
        const string stored = """{"mode":1,"instanceId":7,"version":null,"indicatorCode":"IK-2.1","pendingValue":null,"pendingNote":null,"backToSummary":true,"trigger":null,"targetUnitId":null,"sourceMessageId":null,"earlierMessageId":null}""";

        Assert.Equal(new AwaitingValueState(7, "IK-2.1", BackToSummary: true), ChatStateJson.Read(stored));
    }

    [Fact]
    public void A_value_waiting_for_confirmation_before_the_upgrade_keeps_its_value_and_note()
    {
        const string stored = """{"mode":2,"instanceId":7,"indicatorCode":"IKU-2","pendingValue":350,"pendingNote":"Razia tiga kali","backToSummary":false}""";

        Assert.Equal(new AwaitingConfirmationState(7, "IKU-2", false, 350m, "Razia tiga kali"), ChatStateJson.Read(stored));
    }

    [Fact]
    public void A_return_waiting_for_its_reason_before_the_upgrade_still_waits_for_it()
    {
        // Triggers were stored as numbers, like the mode.
        var stored = $$"""{"mode":4,"instanceId":41,"version":2,"trigger":{{(int)WorkflowTrigger.ReturnToUnit}},"targetUnitId":"kesos","sourceMessageId":130,"earlierMessageId":125}""";

        var read = Assert.IsType<AwaitingReasonState>(ChatStateJson.Read(stored));

        Assert.Equal(new PendingReturn(41, 2, WorkflowTrigger.ReturnToUnit, "kesos", 130, 125), Assert.Single(read.Returns));
        Assert.Null(read.HeldReason);
    }

    [Fact]
    public void A_report_return_choice_before_the_upgrade_still_remembers_its_draft()
    {
        Assert.Equal(new ChoosingReturnTarget(41, 900), ChatStateJson.Read("""{"mode":0,"instanceId":41,"sourceMessageId":900}"""));
    }

    [Theory]
    [InlineData("""{"mode":0}""")]
    [InlineData("""{"mode":"AwaitingEvidence","instanceId":7}""")]
    [InlineData("""{"mode":4,"instanceId":7}""")]
    [InlineData("")]
    public void An_old_state_missing_what_its_question_needs_loads_as_idle(string stored)
    {
        Assert.IsType<IdleState>(ChatStateJson.Read(stored));
    }

    [Fact]
    public void An_old_state_with_the_mode_spelled_out_loads_too()
    {
        Assert.Equal(new AwaitingEvidenceState(7, "IK-2.2", false), ChatStateJson.Read("""{"mode":"AwaitingEvidence","instanceId":7,"indicatorCode":"IK-2.2"}"""));
    }
}
