using System.Text.RegularExpressions;
using KinerjaBot.Hosting;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Hosting;

/// <summary>The command line over a config folder with two office folders: the sample office and the second fictional one.</summary>
public sealed class SeveralOfficesCommandLineTests : IDisposable
{
    private const string Sample = SeveralOfficesHarness.Sample;
    private const string Second = SeveralOfficesHarness.Second;
    private readonly TempDirectory _temp = new();

    public SeveralOfficesCommandLineTests() => SeveralOfficesHarness.WriteConfig(_temp.Combine("config"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_broken_office_yaml_in_one_office_refuses_to_start_any_office_naming_the_office_file_and_line()
    {
        var line = ConfigFileEdit.Replace(_temp.Combine("config", Second), "office.yaml", "head: kasi-ekbang", "head: kasi-ekonomi");

        var (exit, _, error) = await RunAsync(Token(Sample, 1), Token(Second, 2));

        Assert.Equal(KinerjaBotApp.ConfigurationError, exit);
        Assert.Contains($"The office in folder '{Second}'", error);
        Assert.Contains($"{_temp.Combine("config", Second, "office.yaml")}, line {line}: ", error);
        Assert.Contains("kasi-ekonomi", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(_temp.Combine("data")), "an office started although another's config is broken");
    }

    [Fact]
    public async Task An_office_without_a_bot_token_while_another_has_one_is_refused_naming_the_setting_to_set()
    {
        var (exit, _, error) = await RunAsync(Token(Sample, 1));

        Assert.Equal(KinerjaBotApp.ConfigurationError, exit);
        Assert.Contains($"Office '{Second}' has no bot token", error);
        Assert.Contains("Offices__kec_sukamakmur__Telegram__BotToken", error);
        Assert.False(Directory.Exists(_temp.Combine("data")));
    }

    [Fact]
    public async Task A_malformed_setting_of_one_office_is_reported_naming_the_office()
    {
        var (exit, _, error) = await RunAsync(Token(Sample, 1), $"--Offices:{Second}:Telegram:BotToken=not-a-token");

        Assert.Equal(KinerjaBotApp.ConfigurationError, exit);
        Assert.Contains($"Office '{Second}': Telegram:BotToken must look like 123456789:AAE", error);
    }

    [Fact]
    public async Task One_bot_token_for_several_offices_is_refused()
    {
        var (exit, _, error) = await RunAsync("--Telegram:BotToken=123456:shared-by-both");

        Assert.Equal(KinerjaBotApp.ConfigurationError, exit);
        Assert.Contains($"Offices '{Sample}' and '{Second}' have the same bot token", error);
    }

    [Fact]
    public async Task Two_offices_in_one_postgres_database_are_refused_before_anything_connects()
    {
        var (exit, _, error) = await RunAsync(
            Token(Sample, 1), Token(Second, 2), "--Storage:Provider=postgres", "--Storage:ConnectionString=Host=db.example;Database=kinerjabot;Username=kb;Password=x");

        Assert.Equal(KinerjaBotApp.ConfigurationError, exit);
        Assert.Contains($"Offices '{Sample}' and '{Second}' keep their data in the same PostgreSQL database kinerjabot on db.example:5432", error);
        Assert.Contains("Offices__kec_sukamakmur__Storage__ConnectionString", error);
    }

    [Fact]
    public async Task Two_offices_on_one_whatsapp_listener_and_number_are_refused()
    {
        var (exit, _, error) = await RunAsync(
            Token(Sample, 1),
            Token(Second, 2),
            "--WhatsApp:AccessToken=EAAG-test",
            "--WhatsApp:PhoneNumberId=100000000000001",
            "--WhatsApp:AppSecret=secret",
            "--WhatsApp:VerifyToken=verify",
            "--WhatsApp:WebhookListen=http://127.0.0.1:8444");

        Assert.Equal(KinerjaBotApp.ConfigurationError, exit);
        Assert.Contains($"Offices '{Sample}' and '{Second}' use the same WhatsApp phone number id 100000000000001", error);
        Assert.Contains($"Offices '{Sample}' and '{Second}' both listen for WhatsApp webhooks on http://127.0.0.1:8444", error);
        Assert.Contains("Offices__kec_sukamakmur__WhatsApp__WebhookListen", error);
    }

    [Fact]
    public async Task A_command_for_one_office_says_which_offices_there_are_when_office_is_missing_or_unknown()
    {
        var (missing, _, missingError) = await RunAsync("period", "open", "2026-TW3");
        var (unknown, _, unknownError) = await RunAsync("period", "open", "2026-TW3", "--office=kec-lain");

        Assert.Equal(KinerjaBotApp.UsageError, missing);
        Assert.Contains($"holds 2 offices ({Sample}, {Second}); say which one this command is for, e.g. --office={Sample}", missingError);
        Assert.Equal(KinerjaBotApp.UsageError, unknown);
        Assert.Contains($"There is no office 'kec-lain'", unknownError);
        Assert.Contains($"its offices are {Sample}, {Second}", unknownError);
    }

    [Fact]
    public async Task Period_open_with_office_opens_the_period_in_that_offices_own_data_only()
    {
        var (exit, output, error) = await RunAsync("period", "open", "2026-TW3", $"--office={Second}");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Opened 2026-TW3 (Triwulan III 2026) for 2 units", output);
        Assert.True(File.Exists(_temp.Combine("data", Second, "kinerjabot.db")));
        Assert.False(Directory.Exists(_temp.Combine("data", Sample)));
    }

    [Fact]
    public async Task Run_without_any_token_starts_a_sandbox_per_office_each_with_its_own_chat_page()
    {
        var output = new WaitingWriter("Press Ctrl+C to stop");
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = KinerjaBotApp.RunAsync([.. Settings(), "--Sandbox:Port=0"], output, error, stop.Token);
        await output.Seen.WaitAsync(TimeSpan.FromSeconds(30));

        var printed = output.ToString();
        var pages = Regex.Matches(printed, @"\((kec-[a-z]+)\): open (http://127\.0\.0\.1:\d+/)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal([Sample, Second], pages.Keys.Order());
        Assert.NotEqual(pages[Sample], pages[Second]);
        Assert.Contains($"data in {_temp.Combine("data", Second)}", printed);
        using (var http = new HttpClient())
        {
            var samplePage = await http.GetStringAsync(pages[Sample]);
            var secondPage = await http.GetStringAsync(pages[Second]);
            Assert.Contains("Hendra Saputra, S.E.", samplePage);
            Assert.DoesNotContain("Bayu Prasetyo", samplePage);
            Assert.Contains("Bayu Prasetyo, S.E.", secondPage);
            Assert.DoesNotContain("Hendra Saputra", secondPage);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(string.Empty, error.ToString());
        Assert.True(File.Exists(_temp.Combine("data", Sample, "kinerjabot.db")));
        Assert.True(File.Exists(_temp.Combine("data", Second, "kinerjabot.db")));
    }

    private static string Token(string office, int bot) => $"--Offices:{office}:Telegram:BotToken={bot}00000:token-of-{office}";

    private string[] Settings() =>
    [
        "--KinerjaBot:ConfigDirectory=" + _temp.Combine("config"),
        "--KinerjaBot:DataDirectory=" + _temp.Combine("data"),
        "--Logging:LogLevel:Default=Warning",
    ];

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var verbs = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        var exit = await KinerjaBotApp.RunAsync([.. verbs, .. Settings(), .. args.Skip(verbs.Length)], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
