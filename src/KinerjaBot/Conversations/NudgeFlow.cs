using KinerjaBot.Actions;
using KinerjaBot.Domain;
using KinerjaBot.Reminders;

namespace KinerjaBot.Conversations;

/// <summary>
/// An Ingatkan press in a superior's digest. The button only names the official; whether the presser is that
/// official's superior and whether anything of theirs is still late is decided now, from the store.
/// </summary>
public sealed class NudgeFlow(ReminderEngine engine, WorkingCalendar calendar)
{
    public async Task HandlePressAsync(ConversationContext context, CallbackAction action)
    {
        var office = context.Office;
        var target = office.Officials.FirstOrDefault(o => o.Id == action.Argument);
        if (target is null)
        {
            context.CallbackNotice = BotTexts.UnknownButton;
            return;
        }

        if (office.Reminders.Escalation.SuperiorOf(office.Roles, target.Id) != context.Me.Id)
        {
            context.CallbackNotice = BotTexts.NotYourButton;
            return;
        }

        var result = await engine.NudgeAsync(context.Transaction, context.Me.Id, target.Id, context.Now, context.CancellationToken);
        context.CallbackNotice = result switch
        {
            NudgeResult.Sent => $"Pengingat terkirim kepada {BotTexts.EndSentence(target.Name)}",
            NudgeResult.Queued => $"Pengingat untuk {target.Name} akan dikirim {IndonesianFormat.DateTime(calendar.NextWorkingMoment(context.Now), office.Office.TimeZone)}.",
            NudgeResult.AlreadyToday => $"{target.Name} sudah diingatkan hari ini.",
            NudgeResult.Unreachable => $"Maaf, {target.Name} belum terhubung dengan bot, sehingga pengingat tidak dapat dikirim.",
            _ => $"{target.Name} sudah tidak terlambat.",
        };
    }
}
