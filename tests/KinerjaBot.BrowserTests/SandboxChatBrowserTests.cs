using KinerjaBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace KinerjaBot.BrowserTests;

/// <summary>
/// A person uses the sandbox page in a real browser: the unit head registers with the share-contact button, the
/// operator opens the period in a second tab, and the unit head fills the first indicator. The screenshots are kept
/// under the test's output folder (artifacts/) for a human to look at.
/// </summary>
public sealed class SandboxChatBrowserTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions PatientlyVisible = new() { Timeout = 20_000 };

    private readonly string _data = Path.Combine(Path.GetTempPath(), "kinerjabot-browser-data", Guid.NewGuid().ToString("N"));
    private SandboxRunner _sandbox = null!;
    private ChromiumSession _browser = null!;

    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxRunner.StartAsync(
            [$"--KinerjaBot:ConfigDirectory={SampleConfig()}", $"--KinerjaBot:DataDirectory={_data}", "--Sandbox:Port=0"],
            builder => builder.Logging.ClearProviders());
        _browser = await ChromiumSession.StartAsync(width: 412, height: 915);
        Directory.CreateDirectory(ArtifactsDirectory);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the OS temp cleaner gets it later.
        }
    }

    [Fact]
    public async Task A_unit_head_registers_with_the_contact_button_and_fills_the_first_indicator_in_the_browser()
    {
        var kasi = await _browser.Context.NewPageAsync();
        try
        {
            // Pick the official from the list, as a newcomer would.
            await kasi.GotoAsync(_sandbox.PageUrl);
            await kasi.Locator(".person-link", new() { HasText = "Siti Nurhaliza" }).ClickAsync();
            await Expect(kasi.Locator(".chat-head")).ToContainTextAsync("Siti Nurhaliza", Patient);

            // An empty send is refused on the page.
            await kasi.GetByLabel("Pesan").PressAsync("Enter");
            await Expect(kasi.GetByRole(AriaRole.Alert)).ToContainTextAsync("Pesan kosong", Patient);

            await SendAsync(kasi, "/start");
            var share = kasi.GetByRole(AriaRole.Button, new() { Name = "Bagikan nomor telepon" });
            await Expect(share).ToBeVisibleAsync(PatientlyVisible);
            await share.ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("terdaftar sebagai Kepala Seksi Ketentraman", Patient);
            await Expect(kasi.Locator(".msg.bot b", new() { HasText = "Siti Nurhaliza" }).First).ToBeVisibleAsync(PatientlyVisible);

            // The operator opens the period from a second tab, side by side with the unit head.
            var operatorTab = await OpenPeriodAsync();

            // The unit head's page shows the opening message live, then the filling conversation.
            var start = kasi.GetByRole(AriaRole.Button, new() { Name = "Mulai isi" });
            await Expect(start).ToBeVisibleAsync(PatientlyVisible);
            await start.ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("Indikator 1 dari 3", Patient);
            await Expect(kasi.GetByRole(AriaRole.Button, new() { Name = "Mulai isi" })).ToHaveCountAsync(0, new() { Timeout = 20_000 });

            await SendAsync(kasi, "72,5");
            await Expect(kasi.Locator(".msg.bot", new() { HasText = "Tercatat" })).ToContainTextAsync("IKU-2 = 72,5 %", Patient);
            await kasi.GetByRole(AriaRole.Button, new() { Name = "Lewati" }).ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("Indikator 2 dari 3", Patient);

            await ScreenshotAsync(kasi, "sandbox-chat-phone.png");
            await kasi.SetViewportSizeAsync(1280, 800);
            await ScreenshotAsync(kasi, "sandbox-chat-desktop.png");
            await ScreenshotAsync(operatorTab, "sandbox-operator-phone.png");
        }
        catch
        {
            await ScreenshotAsync(kasi, "sandbox-chat-failure.png");
            throw;
        }
    }

    [Fact]
    public async Task A_unit_head_defers_required_evidence_with_nanti_and_sends_it_from_the_summary_in_the_browser()
    {
        var kasi = await OpenRegisteredAsync("kasi-trantib");
        try
        {
            await OpenPeriodAsync();
            await kasi.GetByRole(AriaRole.Button, new() { Name = "Mulai isi" }).ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("Indikator 1 dari 3", Patient);
            await SendAsync(kasi, "72,5");
            await kasi.GetByRole(AriaRole.Button, new() { Name = "Lewati" }).ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("Indikator 2 dari 3", Patient);
            await SendAsync(kasi, "6");
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("Indikator 3 dari 3", Patient);
            await SendAsync(kasi, "24");

            // The evidence question says how to attach and offers Nanti; the summary then lists what is owed.
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("📎", Patient);
            await kasi.GetByRole(AriaRole.Button, new() { Name = "Nanti" }).ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("Bukti wajib yang masih ditunggu: IK-2.2", Patient);
            await ScreenshotAsync(kasi, "sandbox-evidence-owed-phone.png");

            await KirimButton(kasi).ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("bukti wajib IK-2.2 belum dikirim", Patient);
            // The page keeps a code on one line with non-breaking hyphens (IK‑2.2).
            await kasi.GetByRole(AriaRole.Button, new() { Name = "Kirim bukti IK\u20112.2" }).Last.ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("bukti untuk IK-2.2 (wajib)", Patient);

            // The page's attach button (📎) sends the photo; a fresh summary follows and Kirim goes through.
            await kasi.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "patroli.jpg", MimeType = "image/jpeg", Buffer = [0xFF, 0xD8, 0xFF, 0xE0, 3, 0xFF, 0xD9] });
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("Bukti untuk IK-2.2 sudah diterima", Patient);
            await Expect(LastBotMessage(kasi)).Not.ToContainTextAsync("masih ditunggu", Patient);
            await KirimButton(kasi).ClickAsync();
            await Expect(LastBotMessage(kasi)).ToContainTextAsync("telah dikirim kepada", Patient);
            await ScreenshotAsync(kasi, "sandbox-evidence-sent-phone.png");
        }
        catch
        {
            await ScreenshotAsync(kasi, "sandbox-evidence-failure.png");
            throw;
        }
    }

    /// <summary>A chat tab of <paramref name="officialId"/>, registered with the share-contact button.</summary>
    private async Task<IPage> OpenRegisteredAsync(string officialId)
    {
        var page = await _browser.Context.NewPageAsync();
        await page.GotoAsync(_sandbox.PageUrl + "chat/" + officialId);
        await SendAsync(page, "/start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bagikan nomor telepon" }).ClickAsync();
        await Expect(LastBotMessage(page)).ToContainTextAsync("terdaftar sebagai", Patient);
        return page;
    }

    /// <summary>The operator, in a tab of their own, opens Triwulan III 2026.</summary>
    private async Task<IPage> OpenPeriodAsync()
    {
        var operatorTab = await OpenRegisteredAsync("staf-pk");
        await SendAsync(operatorTab, "/buka 2026-TW3");
        await Expect(operatorTab.Locator(".msg.bot").Last).ToContainTextAsync("Triwulan III 2026", Patient);
        return operatorTab;
    }

    private static ILocator LastBotMessage(IPage page) => page.Locator(".msg.bot").Last;

    /// <summary>The summary's Kirim (the page's own send button is called "Kirim" too).</summary>
    private static ILocator KirimButton(IPage page) => page.Locator("button.kb-button").GetByText("Kirim", new() { Exact = true }).Last;

    private static async Task SendAsync(IPage page, string text)
    {
        var box = page.GetByLabel("Pesan");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(page.Locator(".msg.user").Last).ToContainTextAsync(text, Patient);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ArtifactsDirectory, name);
        await page.ScreenshotAsync(new() { Path = path });
        log.WriteLine($"Screenshot: {path}");
    }

    private static string SampleConfig()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KinerjaBot.sln")))
            {
                return Path.Combine(dir.FullName, "config");
            }
        }

        throw new InvalidOperationException($"KinerjaBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
