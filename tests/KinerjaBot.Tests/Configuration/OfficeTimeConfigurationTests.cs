using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Conversations;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Configuration;

/// <summary>The optional working-time and reminder keys of office.yaml: defaults, custom values, and mistakes with file, line and fix.</summary>
public sealed class OfficeTimeConfigurationTests : IDisposable
{
    private readonly TempDirectory _config = new();

    public OfficeTimeConfigurationTests() => SampleOffice.CopyTo(_config.Path);

    public void Dispose() => _config.Dispose();

    [Fact]
    public void Without_the_keys_an_office_works_monday_to_friday_seven_to_five_with_a_monday_digest_and_the_sop_escalation()
    {
        var office = SampleOffice.Configuration;

        Assert.Equal(OfficeHours.Default.Days.Order(), office.Hours.Days.Order());
        Assert.Equal((new TimeOnly(7, 0), new TimeOnly(17, 0)), (office.Hours.Start, office.Hours.End));
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(8, 0)), (office.Reminders.WeeklyDigestDay, office.Reminders.WeeklyDigestTime));
        var rules = office.Reminders.Escalation;
        Assert.Equal("kasubbag-pk", rules.SuperiorOf(office.Roles, "kasi-pem"));
        Assert.Equal("sekcam", rules.SuperiorOf(office.Roles, "kasubbag-pk"));
        Assert.Equal("camat", rules.SuperiorOf(office.Roles, "sekcam"));
        Assert.Null(rules.SuperiorOf(office.Roles, "camat"));
    }

    [Fact]
    public void Custom_working_time_digest_and_escalation_are_read()
    {
        Append("""
            working_days: [senin, selasa, rabu, kamis, jumat, sabtu]
            working_hours: 07.30-16.00
            reminders:
              weekly_digest: friday 15:00
              escalation:
                unit-heads: secretary
                kasi-pmd: camat
                secretary: none
            """);

        var office = OfficeConfigurationLoader.Load(_config.Path);

        Assert.Contains(DayOfWeek.Saturday, office.Hours.Days);
        Assert.Equal((new TimeOnly(7, 30), new TimeOnly(16, 0)), (office.Hours.Start, office.Hours.End));
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(15, 0)), (office.Reminders.WeeklyDigestDay, office.Reminders.WeeklyDigestTime));
        Assert.Equal("sekcam", office.Reminders.Escalation.SuperiorOf(office.Roles, "kasi-pem"));
        Assert.Equal("camat", office.Reminders.Escalation.SuperiorOf(office.Roles, "kasi-pmd"));
        Assert.Null(office.Reminders.Escalation.SuperiorOf(office.Roles, "sekcam"));
        var calendar = office.CreateCalendar();
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingMoment(new DateTimeOffset(2026, 10, 10, 16, 0, 0, TimeSpan.FromHours(7))));
    }

    [Fact]
    public void The_weekly_digest_can_be_switched_off()
    {
        Append("reminders:\n  weekly_digest: off\n");

        Assert.Null(OfficeConfigurationLoader.Load(_config.Path).Reminders.WeeklyDigestDay);
    }

    [Fact]
    public void Moving_an_official_to_another_telegram_account_needs_an_operator_unless_rebind_allow_is_set()
    {
        Assert.False(OfficeConfigurationLoader.Load(_config.Path).RebindWithoutConfirmation);

        Append("rebind: allow\n");

        Assert.True(OfficeConfigurationLoader.Load(_config.Path).RebindWithoutConfirmation);
    }

    [Theory]
    [InlineData("working_days: [mon, tue, rab]", "working day 'rab' is not a day of the week", "[mon, tue, wed, thu, fri]")]
    [InlineData("working_days: []", "working_days is empty", "[mon, tue, wed, thu, fri]")]
    [InlineData("rebind: yes", "rebind 'yes' is not known", "'rebind: allow'")]
    [InlineData("working_hours: 7 to 5", "working_hours '7 to 5' is not a time range", "07:00-17:00")]
    [InlineData("working_hours: 17:00-07:00", "working_hours '17:00-07:00' ends before it starts", "07:00-17:00")]
    [InlineData("reminders:\n  weekly_digest: monday morning", "weekly_digest 'monday morning' is not a day and a time", "'monday 08:00'")]
    [InlineData("reminders:\n  weekly_digest: monday 08:00\n  escalate: {}", "reminders has an unknown key 'escalate'", "weekly_digest, escalation")]
    [InlineData("reminders:\n  escalation:\n    kasi: planning", "escalation has an unknown key 'kasi'", "unit-heads, planning, secretary, head or an official id")]
    [InlineData("reminders:\n  escalation:\n    unit-heads: bupati", "escalation 'unit-heads: bupati' is neither a role nor an official", "head, secretary, planning, an official id")]
    [InlineData("reminders:\n  escalation:\n    planning: kasubbag-pk", "makes 'kasubbag-pk' their own superior", "name someone above them")]
    public void A_mistake_in_the_working_time_or_reminder_keys_is_reported_with_its_line_and_a_fix(string yaml, string problem, string fix)
    {
        var firstLine = Append(yaml);
        var problemLine = firstLine + yaml.Split('\n').Length - 1;

        var message = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        var entry = message.Split('\n').FirstOrDefault(l => l.Contains(problem, StringComparison.Ordinal));
        Assert.True(entry is not null, $"Expected a problem containing '{problem}' in:\n{message}");
        Assert.Contains($"office.yaml, line {problemLine}: ", entry);
        Assert.Contains(fix, entry[entry.IndexOf("Fix: ", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void An_ingatkan_button_names_the_official_within_telegrams_64_bytes_and_reads_back()
    {
        var data = CallbackAction.ForNudge("kasubbag-umum");

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(data) <= CallbackAction.MaxBytes);
        Assert.True(CallbackAction.TryParse(data, out var action));
        Assert.Equal((CallbackAction.NudgeKind, "kasubbag-umum"), (action.Kind, action.Argument));
        Assert.False(CallbackAction.TryParse("i:", out _));
        Assert.Throws<InvalidOperationException>(() => CallbackAction.ForNudge(new string('x', 70)));
    }

    /// <summary>Appends YAML at the end of office.yaml and returns the 1-based line its first line landed on.</summary>
    private int Append(string yaml)
    {
        var path = Path.Combine(_config.Path, "office.yaml");
        var text = File.ReadAllText(path);
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        var firstLine = text.Count(c => c == '\n') + 1;
        File.WriteAllText(path, text + yaml.ReplaceLineEndings("\n") + "\n");
        return firstLine;
    }
}
