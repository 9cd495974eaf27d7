using KinerjaBot.Hosting;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Reports;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Hosting;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Workflow_diagram_prints_both_workflows_exactly_as_the_readme_and_the_architecture_page_show_them()
    {
        var (exit, output, _) = await RunAsync("workflow", "diagram");

        Assert.Equal(0, exit);
        Assert.Contains("stateDiagram-v2", output);
        Assert.Contains("Submitted1 --> Submitted2 : Approve / kirim ke verifikator 2 [verifikator 1]", output);
        Assert.Contains("Signature --> Signed : Approve / PDF bertanda tangan [camat]", output);
        foreach (var document in new[] { RepositoryPaths.Readme, Path.Combine(RepositoryPaths.Root, "docs", "ARCHITECTURE.md") })
        {
            var text = File.ReadAllText(document);
            var name = Path.GetFileName(document);
            var start = text.IndexOf("<!-- workflow-diagram:start -->\n", StringComparison.Ordinal);
            var end = text.IndexOf("<!-- workflow-diagram:end -->", StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, $"{name} lost its workflow-diagram markers.");
            var documented = text[(start + "<!-- workflow-diagram:start -->\n".Length)..end];
            Assert.True(
                documented == output,
                $"{name}'s workflow diagrams differ from the code. Regenerate them with `dotnet run --project src/KinerjaBot -- workflow diagram`.");
        }
    }

    [Fact]
    public async Task Run_without_a_token_serves_the_local_sandbox_prints_its_address_and_stops_cleanly()
    {
        var output = new WaitingWriter("Press Ctrl+C to stop");
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = KinerjaBotApp.RunAsync(
            ["--KinerjaBot:ConfigDirectory=" + RepositoryPaths.SampleConfig, "--KinerjaBot:DataDirectory=" + _temp.Combine("data"), "--Sandbox:Port=0", "--Logging:LogLevel:Default=Warning"],
            output,
            error,
            stop.Token);
        await output.Seen.WaitAsync(TimeSpan.FromSeconds(30));

        var printed = output.ToString();
        var url = System.Text.RegularExpressions.Regex.Match(printed, @"http://127\.0\.0\.1:\d+/").Value;
        Assert.Contains("local sandbox", printed);
        Assert.Contains("Data directory: " + _temp.Combine("data"), printed);
        Assert.NotEmpty(url);
        using (var http = new HttpClient())
        {
            var page = await http.GetStringAsync(url);
            Assert.Contains("Kecamatan Sukamaju", page);
            Assert.Contains("Hendra Saputra, S.E.", page);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(string.Empty, error.ToString());
        Assert.True(File.Exists(_temp.Combine("data", "kinerjabot.db")));
    }

    [Fact]
    public async Task A_sandbox_port_in_use_ends_with_a_message_saying_how_to_pick_another()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, _, error) = await RunAsync($"--Sandbox:Port={port}");

        Assert.Equal(KinerjaBotApp.SandboxPortUnavailable, exit);
        Assert.Contains("--Sandbox:Port=", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_broken_config_stops_start_up_with_one_readable_message_and_exit_code_2()
    {
        var config = _temp.Combine("broken-config");
        Directory.CreateDirectory(config);
        SampleOffice.CopyTo(config);
        var office = Path.Combine(config, "office.yaml");
        File.WriteAllText(office, File.ReadAllText(office).Replace("fill: 3d", "fill: tiga hari", StringComparison.Ordinal).Replace("nip: \"198104102008011003\"", "nip: \"1981\"", StringComparison.Ordinal));

        var (exit, output, error) = await RunAsync("--KinerjaBot:ConfigDirectory=" + config);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("The office configuration has 2 problems:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Period_open_opens_a_period_once_and_queues_nothing_for_unregistered_heads()
    {
        var (exit, output, _) = await RunAsync("period", "open", "2026-TW3");
        var (again, _, error) = await RunAsync("period", "open", "2026-TW3");
        var (bad, _, badError) = await RunAsync("period", "open", "2026-Q3");

        Assert.Equal(0, exit);
        Assert.Contains("Opened 2026-TW3 (Triwulan III 2026) for 5 units", output);
        Assert.Contains("0 unit heads have a registered chat", output);
        Assert.Equal(KinerjaBotApp.UsageError, again);
        Assert.Contains("already open", error);
        Assert.Equal(KinerjaBotApp.UsageError, bad);
        Assert.Contains("'2026-Q3' is not a period id", badError);
    }

    [Fact]
    public async Task Period_open_with_format_approval_on_starts_the_format_approval_and_asks_no_unit_head_yet()
    {
        var config = _temp.Combine("format-config");
        Directory.CreateDirectory(config);
        SampleOffice.CopyTo(config);
        await File.AppendAllTextAsync(Path.Combine(config, "office.yaml"), "\nformat_approval: on\n");

        var (exit, output, _) = await RunAsync("period", "open", "2026-TW3", "--KinerjaBot:ConfigDirectory=" + config);

        Assert.Equal(0, exit);
        Assert.Contains("Opened 2026-TW3 (Triwulan III 2026) with format approval: the draft format goes to Hendra Saputra, S.E. once they register.", output);
        await using var transaction = await KinerjaBot.Storage.KinerjaStore.Open(_temp.Combine("data"), TimeProvider.System).BeginAsync(default);
        var instances = await transaction.Workflows.ListForPeriodAsync("2026-TW3", default);
        Assert.Equal([WorkflowKind.FormatApproval], instances.Select(i => i.Kind));
        Assert.Equal(FormatApprovalWorkflow.Review, instances[0].State);
    }

    [Fact]
    public async Task Period_open_on_a_period_closed_with_tutup_says_to_open_it_again_in_the_chat()
    {
        await RunAsync("period", "open", "2026-TW3");
        using (var store = KinerjaStore.Open(_temp.Combine("data"), TimeProvider.System))
        {
            await using var transaction = await store.BeginAsync(default);
            await transaction.Closures.RecordClosedAsync("2026-TW3", "staf-pk", "salah buka periode ini", DateTimeOffset.UtcNow, default);
            await transaction.CommitAsync(default);
        }

        var (exit, _, error) = await RunAsync("period", "open", "2026-TW3");

        Assert.Equal(KinerjaBotApp.UsageError, exit);
        Assert.Contains("was closed with /tutup. An operator opens it again in the chat with /buka 2026-TW3", error);
    }

    [Fact]
    public async Task A_token_telegram_rejects_stops_the_bot_with_a_clear_message_and_a_non_zero_exit()
    {
        await using var telegram = await KinerjaBot.Sandbox.LocalBotApiServer.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var (exit, _, error) = await RunAsync(timeout.Token, "--Telegram:BotToken=123:not-the-right-token", $"--Telegram:ApiBaseUrl={telegram.BaseUrl}");

        Assert.Equal(KinerjaBotApp.BotStoppedItself, exit);
        Assert.Contains("Telegram rejected the bot token (401 Unauthorized)", error);
    }

    [Theory]
    [InlineData("--Telegram:ApiBaseUrl=not-a-url", "Telegram:ApiBaseUrl")]
    [InlineData("--Telegram:Sender:MaxAttempts=0", "Telegram:Sender:MaxAttempts")]
    [InlineData("--Telegram:BotToken=copied-without-the-bot-id", "Telegram:BotToken must look like")]
    [InlineData("--Telegram:Mode=webhok", "Telegram:Mode is 'webhok'; use polling (the default) or webhook.")]
    [InlineData("--Telegram:Mode=webhook", "Telegram:WebhookUrl is ''; with Telegram:Mode webhook it must be the public HTTPS address")]
    [InlineData("--Telegram:Mode=webhook", "Telegram:WebhookSecret must be 16–256 characters")]
    public async Task A_bad_telegram_setting_stops_start_up_with_exit_code_2_and_names_the_setting(string setting, string named)
    {
        var (exit, _, error) = await RunAsync(CancellationToken.None, "--Telegram:BotToken=123:abc", setting);

        Assert.Equal(KinerjaBotApp.ConfigurationError, exit);
        Assert.Contains(named, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Verify_accepts_the_signed_archived_pdf_and_refuses_a_copy_with_one_changed_byte()
    {
        var (demo, demoOutput, demoError) = await RunAsync("demo", _temp.Combine("data"));
        Assert.True(demo == 0, $"demo exited {demo}: {demoError}");
        var signed = demoOutput.Split('\n').Single(l => l.StartsWith("Final PDF: ", StringComparison.Ordinal))["Final PDF: ".Length..].Trim();
        var bytes = await File.ReadAllBytesAsync(signed);

        var (exit, output, _) = await RunAsync("verify", signed);

        Assert.Equal(0, exit);
        Assert.Contains("VERIFIED: this file is exactly the signed, archived report (office kec-sukamaju, period 2026-TW3, revision 1).", output);
        Assert.Contains("document number: KEC-SUKAMAJU/2026-TW3/REV-1", output);

        // One byte in the middle of the file (a figure in a content stream, say), away from the verification line.
        var line = KinerjaBot.Reports.ReportVerifier.ReadVerificationLine(bytes)!;
        var lineAt = System.Text.Encoding.ASCII.GetString(bytes).IndexOf(line, StringComparison.Ordinal);
        var at = Math.Abs((bytes.Length / 2) - lineAt) > line.Length ? bytes.Length / 2 : bytes.Length / 4;
        bytes[at] ^= 0x01;
        var copy = _temp.Combine("salinan.pdf");
        await File.WriteAllBytesAsync(copy, bytes);

        var (changed, changedOutput, error) = await RunAsync("verify", copy);

        Assert.Equal(KinerjaBotApp.NotVerified, changed);
        Assert.Equal(string.Empty, changedOutput);
        Assert.Contains("NOT VERIFIED: this file claims to be the signed report (office kec-sukamaju, period 2026-TW3, revision 1) but it is not the archived file", error);
        Assert.Contains("changed after signing", error);
        Assert.Contains("archived file:   " + signed, error);
    }

    [Fact]
    public async Task Verify_checks_a_printed_copys_scanned_code_and_refuses_a_missing_file()
    {
        var archive = ReportArchiveFixture.Create(_temp.Combine("data"));

        var (genuine, output, _) = await RunAsync("verify", archive.Line);
        var (forged, _, forgedError) = await RunAsync("verify", archive.Line[..^8] + "00000000");
        var (missing, _, missingError) = await RunAsync("verify", _temp.Combine("tidak-ada.pdf"));

        Assert.Equal(0, genuine);
        Assert.Contains("VERIFIED: this code belongs to the signed, archived report (office kec-contoh, period 2026-TW3, revision 1).", output);
        Assert.Contains("compare the printed pages with the archived PDF", output);
        Assert.Equal(KinerjaBotApp.NotVerified, forged);
        Assert.Contains("NOT VERIFIED: this code names the signed report (office kec-contoh, period 2026-TW3, revision 1) but does not match it", forgedError);
        Assert.Equal(KinerjaBotApp.UsageError, missing);
        Assert.Contains("No such file", missingError);
    }

    [Fact]
    public async Task An_unknown_verb_prints_the_usage()
    {
        var (exit, _, error) = await RunAsync("laporan");

        Assert.Equal(KinerjaBotApp.UsageError, exit);
        Assert.Contains("Unknown command 'laporan'", error);
        Assert.Contains("workflow diagram", error);
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(default, args);

    private async Task<(int Exit, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] settings = [
            "--KinerjaBot:ConfigDirectory=" + RepositoryPaths.SampleConfig,
            "--KinerjaBot:DataDirectory=" + _temp.Combine("data"),
        ];

        // Later settings win, so a test's own --KinerjaBot:ConfigDirectory overrides the sample.
        var exit = await KinerjaBotApp.RunAsync([.. args.Where(a => !a.StartsWith('-')), .. settings, .. args.Where(a => a.StartsWith('-'))], output, error, cancellationToken);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }
}
