using KinerjaBot.Sandbox.WhatsApp;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>The double's optional strictness: the pair rate limit, a shortened window refused synchronously.</summary>
public sealed class WhatsAppPacingTests : WhatsAppTestBase
{
    protected override WhatsAppDoubleOptions DoubleOptions => new() { EnforcePairRate = true, CustomerServiceWindow = TimeSpan.FromMinutes(30), RefuseReEngagementSynchronously = true };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Ani.SendTextAsync("Halo");
    }

    [Fact]
    public async Task With_the_pair_rate_enforced_a_second_message_within_six_seconds_is_refused()
    {
        await Graph.AcceptedAsync(Text("Satu"));

        var error = await Graph.RefusedAsync(Text("Dua"), 131056);
        Clock.Advance(TimeSpan.FromSeconds(6));
        await Graph.AcceptedAsync(Text("Dua"));

        Assert.Contains("pair rate limit", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Satu", "Dua"], Ani.Messages.Where(m => m.Sender == WhatsAppChatSender.Bot).Select(m => m.Text));
    }

    [Fact]
    public async Task A_shortened_window_closes_when_it_says_and_can_be_refused_at_once()
    {
        Clock.Advance(TimeSpan.FromMinutes(30));

        var error = await Graph.RefusedAsync(Text("Terlambat"), 131047);

        Assert.Equal("(#131047) Re-engagement message", error["message"]!.GetValue<string>());
        Assert.Equal(
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
            RawGraphApi.Details(error));
        Assert.DoesNotContain(Ani.Messages, m => m.Sender == WhatsAppChatSender.Bot);
    }
}
