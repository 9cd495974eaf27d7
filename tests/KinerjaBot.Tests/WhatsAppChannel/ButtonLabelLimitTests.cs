using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Conversations;
using KinerjaBot.Messaging;
using KinerjaBot.Reminders;
using KinerjaBot.Tests.Support;
using KinerjaBot.WhatsApp;
using KinerjaBot.WhatsAppChannel;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>
/// Every button label the bot can produce for the sample office, fixed or built from its units, indicators, stages and
/// officials, fits WhatsApp's limits once rendered (20 characters on a reply button, 24 on a list row), and a label
/// that already fits is shown unchanged (issue 17: "no title is over its limit").
/// </summary>
public sealed class ButtonLabelLimitTests
{
    private static readonly OfficeConfiguration Office = SampleOffice.Configuration;

    public static TheoryData<string> Labels()
    {
        var labels = new List<string>
        {
            BotTexts.StartFilling, BotTexts.Send, BotTexts.Approve, BotTexts.Return, BotTexts.Fix, BotTexts.Yes,
            BotTexts.Retype, BotTexts.Skip, BotTexts.Cancel, BotTexts.Later, BotTexts.ApproveSeen,
            RegistrationFlow.AllowMove, RegistrationFlow.RefuseMove, "Ya, buka sekarang",
            FormatApprovalWorkflow.ReviewLabel, FormatApprovalWorkflow.ParafLabel, FormatApprovalWorkflow.SignLabel, FormatApprovalWorkflow.ResendLabel,
        };
        labels.AddRange(Enum.GetValues<ChainStageKind>().Select(OfficeReportWorkflow.ApproveLabel));

        // The built ones, as the flows word them (FillingFlow, ReminderMessages/NudgeFlow, OfficeReportChain).
        foreach (var code in Office.Indicators.Select(i => i.Code).Distinct())
        {
            labels.Add($"{BotTexts.Change} {code}");
            labels.Add($"{BotTexts.SendEvidence} {code}");
        }

        labels.AddRange(Office.Officials.Select(o => $"{BotTexts.Nudge} {ReminderMessages.ShortName(o)}"));
        labels.AddRange(Office.Units.Select(u => $"Ke {u.Name}"));
        labels.AddRange(Office.Chain.Select(s => $"Ke tahap {OfficeReportWorkflow.StageNoun(s.Kind)} ({Office.Official(s.OfficialId).Name})"));

        var data = new TheoryData<string>();
        foreach (var label in labels.Distinct())
        {
            data.Add(label);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void A_label_on_a_reply_button_fits_twenty_characters_and_is_unchanged_when_it_already_fits(string label)
    {
        var title = RenderedButtonTitle(label);

        Assert.InRange(title.Length, 1, WhatsAppLimits.MaxButtonTitleLength);
        if (label.Length <= WhatsAppLimits.MaxButtonTitleLength)
        {
            Assert.Equal(label, title);
        }
        else
        {
            Assert.EndsWith("…", title);
            Assert.StartsWith(title[..^1].TrimEnd(), label);
        }
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void A_label_in_a_list_fits_twenty_four_characters_and_keeps_its_full_text_in_the_description(string label)
    {
        var row = RenderedRow(label);

        Assert.InRange(row.Title.Length, 1, WhatsAppLimits.MaxRowTitleLength);
        Assert.True(row.Title == label || row.Description == label, $"'{label}' is neither the title nor the description of its row");
    }

    [Fact]
    public void Two_labels_that_shorten_alike_stay_distinguishable()
    {
        var message = OutgoingMessage.Plain("Pilih") with
        {
            Choices = [[new Choice("Ke Seksi Kesejahteraan Sosial A", "a"), new Choice("Ke Seksi Kesejahteraan Sosial B", "b")]],
        };

        var titles = WhatsAppRenderer.Render(message, "6281200000107").Single().Message!.Interactive!.Action.Buttons!.Select(b => b.Reply.Title).ToList();

        Assert.Equal(2, titles.Distinct().Count());
        Assert.All(titles, t => Assert.InRange(t.Length, 1, WhatsAppLimits.MaxButtonTitleLength));
    }

    private static string RenderedButtonTitle(string label) =>
        WhatsAppRenderer.Render(OutgoingMessage.Plain("Pilih") with { Choices = [[new Choice(label, "x")]] }, "6281200000107")
            .Single().Message!.Interactive!.Action.Buttons!.Single().Reply.Title;

    private static GraphRow RenderedRow(string label) =>
        WhatsAppRenderer.Render(OutgoingMessage.Plain("Pilih") with { Choices = [[new Choice(label, "x"), new Choice("b", "b"), new Choice("c", "c"), new Choice("d", "d")]] }, "6281200000107")
            .Single().Message!.Interactive!.Action.Sections!.Single().Rows[0];
}
