using KinerjaBot.Actions;
using KinerjaBot.Messaging;

namespace KinerjaBot.Conversations;

/// <summary>
/// Binding a chat to an official by contact sharing. Only the sender's own contact counts, and only
/// a number in the roster; anyone else gets one polite refusal and no data.
/// </summary>
public sealed class RegistrationFlow(ConversationServices services, PendingWork pendingWork)
{
    public const string AllowMove = "Izinkan";
    public const string RefuseMove = "Tolak";

    private const string WaitingForOperator = "Nomor ini sudah terdaftar pada akun Telegram lain. Operator akan mengonfirmasi pemindahan pendaftaran ke akun ini; Bapak/Ibu akan diberi tahu hasilnya. Mohon ditunggu.";

    public async Task PromptAsync(ConversationContext context)
    {
        if (await context.Transaction.Rebinds.PendingForChatAsync(context.Event.ChatId, context.CancellationToken) is not null)
        {
            if (context.Event.Callback is not null)
            {
                context.CallbackNotice = "Mohon tunggu konfirmasi operator.";
                return;
            }

            await context.ReplyAsync(new OutgoingMessage { Text = MessageText.Of(WaitingForOperator).Spans, RemoveKeyboard = true });
            return;
        }

        await PromptToShareAsync(context);
    }

    private Task PromptToShareAsync(ConversationContext context) =>
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

        if (official.Channel is { } pinned && pinned != ChatAddress.ChannelOf(context.Event.ChatId))
        {
            await context.ReplyAsync(new OutgoingMessage { Text = MessageText.Of(BotTexts.RegisterOnOtherChannel(official, pinned)).Spans, RemoveKeyboard = true });
            return;
        }

        var existing = await context.Transaction.Chats.FindByOfficialAsync(official.Id, context.CancellationToken);
        if (existing is not null && existing.ChatId != context.Event.ChatId)
        {
            await RebindAsync(context, official, existing.ChatId);
            return;
        }

        await context.Transaction.Chats.BindAsync(official.Id, context.Event.ChatId, context.Event.UserId, context.Now, context.CancellationToken);
        context.State = IdleState.Instance;
        await context.ReplyAsync(Greeting(official));

        // Someone registering after a period opened gets what is already waiting for them.
        await pendingWork.SendAsync(context, official.Id);
    }

    private OutgoingMessage Greeting(Configuration.Official official)
    {
        var roles = services.Office.DescribeRoles(official.Id);
        var text = new MessageText()
            .Plain("Terima kasih, ").Bold(BotTexts.Address(official)).Line(official.Name.EndsWith('.') ? string.Empty : ".")
            .Line($"Bapak/Ibu terdaftar sebagai {official.Position}" + (roles.Count > 0 ? $" ({string.Join("; ", roles)})." : "."))
            .Line()
            .Plain(BotTexts.HelpFor(services.Office, official.Id));

        return new OutgoingMessage { Text = text.Spans, RemoveKeyboard = true };
    }

    /// <summary>
    /// The sender's own number belongs to an official bound to another Telegram account. Numbers are recycled, so
    /// the move waits for an operator (unless <c>rebind: allow</c>); either way the old chat and the operators are told.
    /// </summary>
    private async Task RebindAsync(ConversationContext context, Configuration.Official official, long oldChatId)
    {
        var account = $"akun Telegram {context.Event.SenderName} (id {context.Event.UserId})";
        if (services.Office.RebindWithoutConfirmation)
        {
            await context.Transaction.Chats.BindAsync(official.Id, context.Event.ChatId, context.Event.UserId, context.Now, context.CancellationToken);
            context.State = IdleState.Instance;
            await TellAsync(context, oldChatId, $"Pendaftaran Bapak/Ibu sebagai {official.Name} telah dipindahkan ke {account}, yang membagikan nomor telepon Bapak/Ibu. Akun ini tidak lagi menerima pesan KinerjaBot. Bila ini keliru, mohon segera hubungi operator.");
            await TellOperatorsAsync(context, MessageText.Of($"Pemberitahuan: pendaftaran {official.Name} ({official.Position}) dipindahkan ke {account}, yang membagikan nomor {official.Phone}."), null);
            await context.ReplyAsync(Greeting(official));
            await pendingWork.SendAsync(context, official.Id);
            return;
        }

        var pending = await context.Transaction.Rebinds.PendingForChatAsync(context.Event.ChatId, context.CancellationToken);
        if (pending?.OfficialId != official.Id)
        {
            var id = await context.Transaction.Rebinds.AddAsync(official.Id, context.Event.ChatId, context.Event.UserId, oldChatId, context.Now, context.CancellationToken);
            await TellAsync(context, oldChatId, $"Pemberitahuan: {account} membagikan nomor telepon Bapak/Ibu untuk mendaftar sebagai {official.Name}. Pendaftaran baru dipindahkan hanya bila operator menyetujuinya. Bila Bapak/Ibu tidak mengganti nomor atau akun Telegram, mohon segera hubungi operator.");
            await TellOperatorsAsync(
                context,
                MessageText.Of($"Konfirmasi pendaftaran: {account} membagikan nomor {official.Phone} milik {official.Name} ({official.Position}), yang sudah terdaftar pada akun Telegram lain. Nomor telepon dapat berpindah pemilik; mohon izinkan hanya setelah dipastikan dengan yang bersangkutan."),
                [[new Choice(AllowMove, RebindChoice.Allow(id)), new Choice(RefuseMove, RebindChoice.Refuse(id))]]);
        }

        await context.ReplyAsync(new OutgoingMessage { Text = MessageText.Of(WaitingForOperator).Spans, RemoveKeyboard = true });
    }

    /// <summary>An operator pressed Izinkan or Tolak on a held move to another account.</summary>
    public async Task HandleRebindPressAsync(ConversationContext context, long requestId, bool allow)
    {
        if (!services.Office.IsOperator(context.Me.Id))
        {
            context.CallbackNotice = BotTexts.NotYourButton;
            return;
        }

        var request = await context.Transaction.Rebinds.FindAsync(requestId, context.CancellationToken);
        if (request is null || !await context.Transaction.Rebinds.DecideAsync(requestId, context.Me.Id, allow, context.Now, context.CancellationToken))
        {
            var by = request?.DecidedBy is { } decider ? services.Office.Officials.FirstOrDefault(o => o.Id == decider)?.Name : null;
            context.CallbackNotice = by is null ? BotTexts.AlreadyProcessed : $"Sudah diproses oleh {by}.";
            await context.RemovePressedChoicesAsync();
            return;
        }

        var official = services.Office.Official(request.OfficialId);
        if (allow)
        {
            await context.Transaction.Chats.BindAsync(official.Id, request.ChatId, request.UserId, context.Now, context.CancellationToken);
            await context.Transaction.Outbox.EnqueueAsync(request.ChatId, Greeting(official), context.Now, context.CancellationToken);
            await TellAsync(context, request.OldChatId, $"Atas persetujuan operator, pendaftaran Bapak/Ibu sebagai {official.Name} telah dipindahkan ke akun Telegram lain. Akun ini tidak lagi menerima pesan KinerjaBot. Bila ini keliru, mohon segera hubungi operator.");
            await pendingWork.SendAsync(context, official.Id);
        }
        else
        {
            await TellAsync(context, request.ChatId, "Maaf, operator tidak menyetujui pendaftaran nomor ini pada akun Telegram ini. Bila ada pertanyaan, mohon hubungi operator kantor.");
            await TellAsync(context, request.OldChatId, $"Permintaan memindahkan pendaftaran Bapak/Ibu sebagai {official.Name} ke akun Telegram lain ditolak operator. Akun ini tetap terhubung.");
        }

        context.CallbackNotice = allow ? "Pemindahan diizinkan." : "Pemindahan ditolak.";
        await context.RemovePressedChoicesAsync(allow ? $"Diizinkan oleh {context.Me.Name}" : $"Ditolak oleh {context.Me.Name}");
    }

    // Straight to a chat, not through its binding: the old chat may be marked unreachable, the new one is not bound.
    private static Task TellAsync(ConversationContext context, long chatId, string text) =>
        context.Transaction.Outbox.EnqueueAsync(chatId, OutgoingMessage.Plain(text), context.Now, context.CancellationToken);

    private static async Task TellOperatorsAsync(ConversationContext context, MessageText text, IReadOnlyList<IReadOnlyList<Choice>>? choices)
    {
        foreach (var operatorId in context.Office.Roles.OperatorIds)
        {
            await context.SendToAsync(operatorId, text, choices);
        }
    }

    private static Task SetNotice(ConversationContext context, string notice)
    {
        context.CallbackNotice = notice;
        return Task.CompletedTask;
    }
}
