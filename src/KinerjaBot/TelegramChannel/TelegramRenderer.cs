using System.Text;
using KinerjaBot.Messaging;
using KinerjaBot.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace KinerjaBot.TelegramChannel;

/// <summary>Renders channel-neutral messages as Telegram HTML and keyboards; every text run is escaped here.</summary>
public static class TelegramRenderer
{
    public static string Html(IReadOnlyList<TextSpan> spans)
    {
        var html = new StringBuilder();
        foreach (var span in spans)
        {
            var escaped = TelegramHtml.Escape(span.Text);
            html.Append(span.Bold ? $"<b>{escaped}</b>" : escaped);
        }

        return html.ToString().TrimEnd();
    }

    /// <exception cref="ArgumentException">A choice's action is over Telegram's 64-byte <c>callback_data</c> limit.</exception>
    public static ReplyMarkup? Markup(OutgoingMessage message)
    {
        if (message.ContactRequestLabel is { } label)
        {
            return new ReplyKeyboardMarkup(new KeyboardButton(label) { RequestContact = true })
            {
                ResizeKeyboard = true,
                OneTimeKeyboard = true,
            };
        }

        if (message.Choices.Count > 0)
        {
            return new InlineKeyboardMarkup(message.Choices.Select(row => row.Select(c => Button(c.Label, c.Action)).ToArray()).ToArray());
        }

        return message.RemoveKeyboard ? new ReplyKeyboardRemove() : null;
    }

    /// <summary>The command menu (setMyCommands), in Indonesian.</summary>
    public static IReadOnlyList<BotCommand> Commands { get; } =
    [
        new("isi", "Lanjutkan pengisian data"),
        new("status", "Kemajuan periode berjalan"),
        new("batal", "Batalkan pertanyaan aktif"),
        new("bantuan", "Bantuan"),
        new("tentang", "Tentang KinerjaBot dan kode sumber"),
        new("buka", "Buka periode (operator)"),
        new("rekap", "Unduh laporan (operator, pimpinan)"),
        new("tutup", "Tutup periode yang keliru dibuka (operator)"),
        new("wakil", "Tetapkan Plt./Plh. (operator, pimpinan)"),
    ];

    private static InlineKeyboardButton Button(string label, string action)
    {
        // Telegram refuses the whole message ("BUTTON_DATA_INVALID") when one button's data is too long; failing
        // here names the action instead.
        if (Encoding.UTF8.GetByteCount(action) > TelegramLimits.MaxCallbackDataBytes)
        {
            throw new ArgumentException($"The button action '{action}' is longer than Telegram's {TelegramLimits.MaxCallbackDataBytes} bytes.", nameof(action));
        }

        return InlineKeyboardButton.WithCallbackData(label, action);
    }
}
