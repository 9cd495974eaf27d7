using System.Globalization;
using System.Text.RegularExpressions;
using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Reminders;

namespace KinerjaBot.Conversations;

/// <summary>
/// /wakil for the head or an operator: sets a Plt. / Plh. in a short guided conversation (who is away, who stands
/// in, Plt. or Plh., the dates, a confirmation) or ends one set here early. The assignment is stored with who set it
/// and when; the register (<see cref="ActingRegister"/>) makes every workflow resolve the absent official's role to
/// the stand-in for those days. Ranges in office.yaml are listed too, but are changed in the file.
/// </summary>
public sealed partial class ActingFlow(ConversationServices services, ActingHandover handover)
{
    public const string ConfirmLabel = "Ya, tetapkan";

    private const char AbsentStep = 'f';
    private const char StandInStep = 'b';
    private const char KindStep = 'k';
    private const char ConfirmStep = 'y';
    private const char EndStep = 'e';

    private ActingRegister Register => services.Workflows.Acting;

    /// <summary>/wakil: the assignments in force or coming, each set here with a button to end it, and "who is away?".</summary>
    public async Task StartAsync(ConversationContext context)
    {
        if (!MaySet(context))
        {
            await context.ReplyAsync($"Maaf, perintah /wakil hanya untuk {context.Office.Official(context.Office.Roles.HeadId).Position} dan operator.");
            return;
        }

        var today = services.Workflows.Today().Day;
        var text = new MessageText().BoldLine("Pelaksana Tugas / Pelaksana Harian (Plt. / Plh.)");
        var choices = new List<IReadOnlyList<Choice>>();
        var current = Register.All.Where(a => a.To >= today).ToList();
        if (current.Count == 0)
        {
            text.Line("Saat ini tidak ada Plt. atau Plh. yang berlaku atau dijadwalkan.");
        }

        foreach (var assignment in current)
        {
            text.Line($"• {Describe(context, assignment)}{(assignment.SetInChat ? string.Empty : " (dari office.yaml)")}");
            if (assignment.SetInChat)
            {
                choices.Add([new Choice($"Akhiri {ReminderMessages.ShortName(context.Office.Official(assignment.ById))} ({assignment.Capacity.Prefix})", CallbackAction.ForActingStep(EndStep, assignment.Key[ActingAssignment.ChatKeyPrefix.Length..]))]);
            }
        }

        text.Line().Plain("Untuk menetapkan yang baru: siapa yang berhalangan? Silakan pilih:");
        choices.AddRange(Candidates(context).Select(o => (IReadOnlyList<Choice>)[new Choice($"{ReminderMessages.ShortName(o)} — {o.Position}", CallbackAction.ForActingStep(AbsentStep, o.Id))]));
        choices.Add([new Choice(BotTexts.Cancel, CallbackAction.Cancel)]);
        context.State = new ActingSetupState();
        await context.ReplyAsync(text, choices);
    }

    /// <summary>A press in the /wakil conversation (<c>a:step:value</c>).</summary>
    public async Task HandlePressAsync(ConversationContext context, string? argument)
    {
        if (!MaySet(context) || argument is not [var step, ':', .. var value])
        {
            context.CallbackNotice = BotTexts.NotYourButton;
            return;
        }

        if (step == EndStep)
        {
            await EndAsync(context, ActingAssignment.ChatKeyPrefix + value);
            return;
        }

        if (context.State is not ActingSetupState state)
        {
            context.CallbackNotice = BotTexts.AlreadyProcessed;
            await context.RemovePressedChoicesAsync();
            return;
        }

        switch (step)
        {
            case AbsentStep when state.ForId is null && Candidates(context).Any(o => o.Id == value):
                await context.RemovePressedChoicesAsync($"Berhalangan: {context.Office.Official(value).Name}");
                context.State = state with { ForId = value };
                var absent = context.Office.Official(value);
                var others = Candidates(context).Where(o => o.Id != value).Select(o => (IReadOnlyList<Choice>)[new Choice($"{ReminderMessages.ShortName(o)} — {o.Position}", CallbackAction.ForActingStep(StandInStep, o.Id))]);
                await context.ReplyAsync(MessageText.Of($"Siapa yang menjadi Plt. / Plh. {absent.Position}? Silakan pilih:"), [.. others, [new Choice(BotTexts.Cancel, CallbackAction.Cancel)]]);
                break;
            case StandInStep when state is { ForId: { } forId, ById: null } && forId != value && Candidates(context).Any(o => o.Id == value):
                await context.RemovePressedChoicesAsync($"Pelaksana: {context.Office.Official(value).Name}");
                context.State = state with { ById = value };
                await context.ReplyAsync(
                    MessageText.Of("Plh. (Pelaksana Harian, untuk ketidakhadiran singkat) atau Plt. (Pelaksana Tugas, untuk jabatan kosong atau ketidakhadiran lama)?"),
                    [[new Choice("Plh.", CallbackAction.ForActingStep(KindStep, "plh")), new Choice("Plt.", CallbackAction.ForActingStep(KindStep, "plt"))], [new Choice(BotTexts.Cancel, CallbackAction.Cancel)]]);
                break;
            case KindStep when state is { ById: not null, Kind: null } && value is "plh" or "plt":
                var kind = value == "plt" ? ActingKind.Plt : ActingKind.Plh;
                await context.RemovePressedChoicesAsync(kind == ActingKind.Plt ? "Plt." : "Plh.");
                context.State = state with { Kind = kind };
                await context.ReplyAsync($"Mohon ketik tanggal mulai dan selesai, misalnya {Example(context)}. Kedua tanggal termasuk. Ketik /batal bila tidak jadi.");
                break;
            case ConfirmStep when state is { ForId: { } forId, ById: { } byId, Kind: { } chosen, From: { } from, To: { } to }:
                await ConfirmAsync(context, forId, byId, chosen, from, to);
                break;
            default:
                context.CallbackNotice = BotTexts.AlreadyProcessed;
                await context.RemovePressedChoicesAsync();
                break;
        }
    }

    /// <summary>The typed dates: "1-12-2026 s.d. 14-12-2026", "2026-12-01 2026-12-14", or one end date (from today).</summary>
    public async Task HandleTextAsync(ConversationContext context, ActingSetupState state)
    {
        if (state is not { ForId: { } forId, ById: { } byId, Kind: { } kind })
        {
            await context.ReplyAsync("Mohon tekan salah satu tombol di atas, atau ketik /batal untuk membatalkan.");
            return;
        }

        var today = services.Workflows.Today().Day;
        var dates = ReadDates(context.Event.Text);
        if (dates is null)
        {
            await context.ReplyAsync($"Tanggal itu tidak dapat dibaca. Mohon tulis tanggal mulai dan selesai, misalnya {Example(context)}, atau /batal.");
            return;
        }

        var (from, to) = dates.Count == 1 ? (today, dates[0]) : (dates[0], dates[1]);
        var problem = to < from ? $"Tanggal selesai ({IndonesianFormat.Date(to)}) sebelum tanggal mulai ({IndonesianFormat.Date(from)})."
            : from < today ? $"Tanggal mulai ({IndonesianFormat.Date(from)}) sudah lewat; Plt. / Plh. hanya dapat ditetapkan mulai hari ini."
            : Register.Conflicting(forId, byId, from, to) is { } other ? $"Pada tanggal itu sudah ada penugasan: {Describe(context, other)}. Satu pejabat hanya dapat memiliki satu Plt. / Plh. pada waktu yang sama, dan pelaksananya tidak boleh sedang berhalangan."
            : null;
        if (problem is not null)
        {
            await context.ReplyAsync($"{problem} Mohon ketik tanggal lain, misalnya {Example(context)}, atau /batal.");
            return;
        }

        context.State = state with { From = from, To = to };
        var absent = context.Office.Official(forId);
        var standIn = context.Office.Official(byId);
        var title = new ActingCapacity(forId, kind).TitleFor(context.Office);
        await context.ReplyAsync(
            new MessageText()
                .Plain("Tetapkan ").Bold(standIn.Name).Plain(" sebagai ").Bold(title).Line($" mulai {IndonesianFormat.Date(from)} sampai dengan {IndonesianFormat.Date(to)}?")
                .Plain($"Selama itu tombol persetujuan dan pengingat untuk {absent.Name} dikirim kepada {standIn.Name}, dan tanda tangan atau parafnya tercatat sebagai {title}. Keduanya diberi tahu."),
            [[new Choice(ConfirmLabel, CallbackAction.ForActingStep(ConfirmStep, "1")), new Choice(BotTexts.Cancel, CallbackAction.Cancel)]]);
    }

    private async Task ConfirmAsync(ConversationContext context, string forId, string byId, ActingKind kind, DateOnly from, DateOnly to)
    {
        context.State = IdleState.Instance;
        if (Register.Conflicting(forId, byId, from, to) is { } other)
        {
            await context.RemovePressedChoicesAsync("Tidak jadi ditetapkan.");
            await context.ReplyAsync($"Sementara itu sudah ditetapkan: {Describe(context, other)}. Ketik /wakil untuk melihat dan mengubahnya.");
            return;
        }

        var added = await Register.AddAsync(context.Transaction, forId, byId, kind, from, to, context.Me.Id, context.Now, context.CancellationToken);
        await context.RemovePressedChoicesAsync("✅ Ditetapkan.");
        context.CallbackNotice = "Ditetapkan.";
        var startsToday = added.Covers(services.Workflows.Today().Day);
        await context.ReplyAsync($"Tercatat: {Describe(context, added)}. "
            + (startsToday ? "Keduanya sudah diberi tahu." : $"Keduanya akan diberi tahu pada {IndonesianFormat.Date(from)}.")
            + " Ketik /wakil untuk mengakhirinya lebih awal.");
        if (startsToday)
        {
            await handover.AnnounceAsync(context.Transaction, added, context.Now, context.CancellationToken);
        }
    }

    private async Task EndAsync(ConversationContext context, string key)
    {
        if (Register.All.FirstOrDefault(a => a.Key == key) is not { } assignment
            || !await Register.EndAsync(context.Transaction, assignment, context.Me.Id, context.Now, context.CancellationToken))
        {
            context.CallbackNotice = BotTexts.AlreadyProcessed;
            await context.RemovePressedChoicesAsync();
            return;
        }

        context.State = IdleState.Instance;
        await context.RemovePressedChoicesAsync("✅ Diakhiri.");
        context.CallbackNotice = "Diakhiri.";
        var absent = context.Office.Official(assignment.ForId);
        var notice = MessageText.Of($"Penugasan {context.Office.Official(assignment.ById).Name} sebagai {assignment.Capacity.TitleFor(context.Office)} diakhiri oleh {context.Me.Name}. Mulai sekarang tombol dan pengingat untuk {absent.Name} kembali dikirim kepada beliau sendiri.");
        await context.ReplyAsync(notice);
        foreach (var officialId in new[] { assignment.ForId, assignment.ById }.Where(id => id != context.Me.Id))
        {
            await context.SendToAsync(officialId, notice);
        }

        // What waited for the stand-in goes back to the official, with its buttons.
        await handover.SendOwedAsync(context.Transaction, assignment.ForId, context.Now, context.CancellationToken);
    }

    /// <summary>"Bapak/Ibu menerima ini sebagai Plh. Camat Sukamaju.": the line a prompt meant for an absent official carries to the stand-in; null when nobody stands in for them today.</summary>
    public static string? StandInNote(ConversationServices services, string officialId) =>
        services.Workflows.Today().AbsenceOf(officialId) is { } acting
            ? $"Bapak/Ibu menerima ini sebagai {acting.Capacity.TitleFor(services.Office)}."
            : null;

    private static string Describe(ConversationContext context, ActingAssignment assignment) =>
        $"{assignment.Capacity.TitleFor(context.Office)}: {context.Office.Official(assignment.ById).Name}, {IndonesianFormat.Date(assignment.From)} s.d. {IndonesianFormat.Date(assignment.To)}";

    private string Example(ConversationContext context)
    {
        var today = services.Workflows.Today().Day;
        return $"{today.Day}-{today.Month}-{today.Year} s.d. {today.AddDays(13).Day}-{today.AddDays(13).Month}-{today.AddDays(13).Year}";
    }

    /// <summary>Who can be away or stand in: the officials who hold a step somewhere (chain, unit heads, verifiers).</summary>
    private static IEnumerable<Official> Candidates(ConversationContext context) =>
        context.Office.Officials.Where(o =>
            context.Office.Chain.Any(s => s.OfficialId == o.Id)
            || context.Office.Roles.HeadId == o.Id
            || context.Office.Units.Any(u => u.HeadId == o.Id || u.VerifierIds.Contains(o.Id)));

    private static bool MaySet(ConversationContext context) =>
        context.Office.IsOperator(context.Me.Id) || context.Office.Roles.HeadId == context.Me.Id;

    /// <summary>One or two dates (d-m-yyyy, d/m/yyyy or yyyy-mm-dd), or null when there are none, more, or one is not a date.</summary>
    private static List<DateOnly>? ReadDates(string? text)
    {
        var dates = new List<DateOnly>();
        foreach (Match match in DatePattern().Matches(text ?? string.Empty))
        {
            var (year, month, day) = match.Groups["iy"].Success
                ? (match.Groups["iy"].Value, match.Groups["im"].Value, match.Groups["id"].Value)
                : (match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value);
            if (!DateOnly.TryParseExact($"{year}-{month.PadLeft(2, '0')}-{day.PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return null;
            }

            dates.Add(date);
        }

        return dates.Count is 1 or 2 ? dates : null;
    }

    [GeneratedRegex(@"(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})|(?<d>\d{1,2})[-/.](?<m>\d{1,2})[-/.](?<y>\d{4})")]
    private static partial Regex DatePattern();
}
