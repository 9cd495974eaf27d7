using Microsoft.Playwright;

namespace KinerjaBot.BrowserTests;

/// <summary>
/// Debian's chromium driven by Playwright, headless, with a fresh profile per test. Playwright's own browser download
/// is never used: it cannot work on these machines, and Debian's package is what CI installs.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private ChromiumSession(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<ChromiumSession> StartAsync(int width, int height)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing. Install Debian's chromium (apt-get install -y chromium) or run scripts/test.sh, which does.");
        }

        var profile = Path.Combine(Path.GetTempPath(), "kinerjabot-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args =
                [
                    // Containers have no user namespaces for chromium's sandbox, and no GPU.
                    "--no-sandbox", "--disable-gpu",
                    // Nothing may reach out to Google's services from CI.
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                    "--no-first-run",
                ],
                ViewportSize = new ViewportSize { Width = width, Height = height },
                Locale = "id-ID",
                TimezoneId = "Asia/Jakarta",
            });
            return new ChromiumSession(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; the OS temp cleaner gets it later.
        }
    }
}
