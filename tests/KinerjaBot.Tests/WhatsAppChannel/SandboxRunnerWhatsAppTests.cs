using KinerjaBot.Hosting;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>The no-token sandbox: an official with <c>channel: whatsapp</c> gets a WhatsApp chat and registers in it.</summary>
public sealed class SandboxRunnerWhatsAppTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _config = new();
    private SandboxRunner _sandbox = null!;

    public async Task InitializeAsync()
    {
        SampleOffice.CopyTo(_config.Path);
        var office = Path.Combine(_config.Path, "office.yaml");
        var text = await File.ReadAllTextAsync(office);
        var at = text.IndexOf("phone: \"081200000107\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(office, text.Insert(text.IndexOf('\n', at) + 1, "    channel: whatsapp\n"));
        _sandbox = await SandboxRunner.StartAsync(
            [$"--KinerjaBot:ConfigDirectory={_config.Path}", $"--KinerjaBot:DataDirectory={_data.Path}", "--Sandbox:Port=0"],
            builder => builder.Logging.ClearProviders());
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _data.Dispose();
        _config.Dispose();
    }

    [Fact]
    public async Task An_official_on_whatsapp_is_listed_with_a_whatsapp_chat_and_registers_by_writing()
    {
        Assert.Contains(_sandbox.Server.WhatsApp.PageEntries, e => e.WaId == "6281200000107");
        var kasi = _sandbox.Server.WhatsApp.GetUser("6281200000107");

        await kasi.SendTextAsync("Selamat pagi");

        var greeting = await kasi.WaitForReplyAsync(m => m.Text.Contains("terdaftar sebagai"), BotHarness.Patience);
        Assert.Contains("Siti Nurhaliza", greeting.Text);
    }
}
