using KinerjaBot.Messaging;

namespace KinerjaBot.Conversations;

/// <summary>
/// Binding a chat to an official by contact sharing (DESIGN.md §5). Only the sender's own contact counts, and only
/// a number in the roster; anyone else gets one polite refusal and no data.
/// </summary>
public sealed class RegistrationFlow(ConversationServices services, PendingWork pendingWork)
{
    public Task PromptAsync(ConversationContext context) =>
        context.Event.Callback is not null
            ? SetNotice(context, "Silakan mendaftar terlebih dahulu dengan membagikan nomor telepon Bapak/Ibu.")
            : context.ReplyAsync(new OutgoingMessage
            {
                Text = new MessageText()
                    .Line($"Selamat datang di KinerjaBot {services.Office.Office.Name}.")
                    .Line()
                    .Plain("Untuk memulai, mohon bagikan nomor telepon Bapak/Ibu dengan menekan tombol di bawah.").Spans,
                ContactRequestLabel = BotTexts.ShareContact,
            });

    public async Task HandleContactAsync(ConversationContext context)
    {
        var contact = context.Event.Contact!;
        if (contact.UserId != context.Event.UserId)
        {
            await context.ReplyAsync(new OutgoingMessage
            {
                Text = MessageText.Of("Maaf, yang dapat didaftarkan hanya nomor telepon Bapak/Ibu sendiri. Mohon tekan tombol di bawah untuk membagikannya.").Spans,
                ContactRequestLabel = BotTexts.ShareContact,
            });
            return;
        }

        var official = services.Office.FindByPhone(contact.PhoneNumber);
        if (official is null)
        {
            await context.ReplyAsync(new OutgoingMessage
            {
                Text = MessageText.Of($"Maaf, nomor ini tidak terdaftar sebagai pejabat {services.Office.Office.Name}. Bila Bapak/Ibu seharusnya terdaftar, mohon hubungi operator kantor.").Spans,
                RemoveKeyboard = true,
            });
            return;
        }

        await context.Transaction.Chats.BindAsync(official.Id, context.Event.ChatId, context.Event.UserId, context.Now, context.CancellationToken);
        context.State = ConversationState.Idle;
        var roles = services.Office.DescribeRoles(official.Id);
        var text = new MessageText()
            .Plain("Terima kasih, ").Bold(BotTexts.Address(official.Name)).Line(official.Name.EndsWith('.') ? string.Empty : ".")
            .Line($"Bapak/Ibu terdaftar sebagai {official.Position}" + (roles.Count > 0 ? $" ({string.Join("; ", roles)})." : "."))
            .Line()
            .Plain(BotTexts.HelpFor(services.Office, official.Id));

        await context.ReplyAsync(new OutgoingMessage { Text = text.Spans, RemoveKeyboard = true });

        // Someone registering after a period opened gets what is already waiting for them.
        await pendingWork.SendAsync(context, official.Id);
    }

    private static Task SetNotice(ConversationContext context, string notice)
    {
        context.CallbackNotice = notice;
        return Task.CompletedTask;
    }
}
