using System.Net;
using System.Text;
using KinerjaBot.WhatsApp;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>The WhatsApp funnel retries what waiting can fix and hands everything else back at once.</summary>
public sealed class WhatsAppSenderTests
{
    private static readonly WhatsAppConnectionOptions Connection = new() { AccessToken = "t", PhoneNumberId = "1", ApiBaseUrl = "http://graph.test/v21.0" };
    private static readonly WhatsAppSenderOptions Fast = new() { FirstBackoff = TimeSpan.FromMilliseconds(10), PairRatePause = TimeSpan.FromMilliseconds(10) };
    private static readonly GraphMessage Hello = new("6281200000107", "text") { Text = new GraphText("Halo") };

    [Fact]
    public async Task A_rate_limit_and_a_server_error_are_retried_until_the_message_is_accepted()
    {
        var graph = new ScriptedGraph(
            (HttpStatusCode.TooManyRequests, Error(130429, "Rate limit hit")),
            (HttpStatusCode.BadGateway, "<html>bad gateway</html>"),
            (HttpStatusCode.OK, """{"messaging_product":"whatsapp","messages":[{"id":"wamid.ok"}]}"""));
        var sender = new WhatsAppSender(new GraphClient(new HttpClient(graph), Connection), TimeProvider.System, Fast);

        Assert.Equal("wamid.ok", await sender.SendAsync(Hello, default));
        Assert.Equal(3, graph.Calls);
    }

    [Fact]
    public async Task A_message_outside_the_window_is_not_retried_and_names_the_code()
    {
        var graph = new ScriptedGraph((HttpStatusCode.BadRequest, Error(131047, "Re-engagement message")));
        var sender = new WhatsAppSender(new GraphClient(new HttpClient(graph), Connection), TimeProvider.System, Fast);

        var refused = await Assert.ThrowsAsync<GraphApiException>(() => sender.SendAsync(Hello, default));

        Assert.Equal(GraphApiException.ReEngagementRequired, refused.Code);
        Assert.False(refused.IsTemporary);
        Assert.Equal(1, graph.Calls);
    }

    [Fact]
    public async Task After_the_last_attempt_the_temporary_failure_is_handed_back_for_the_outbox_to_retry_later()
    {
        var graph = new ScriptedGraph([.. Enumerable.Repeat((HttpStatusCode.ServiceUnavailable, Error(2, "Service temporarily unavailable")), 10)]);
        var sender = new WhatsAppSender(new GraphClient(new HttpClient(graph), Connection), TimeProvider.System, Fast with { MaxAttempts = 3 });

        var failure = await Assert.ThrowsAsync<GraphApiException>(() => sender.SendAsync(Hello, default));

        Assert.True(failure.IsTemporary);
        Assert.Equal(3, graph.Calls);
    }

    private static string Error(int code, string message) =>
        "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code + ",\"fbtrace_id\":\"x\"}}";

    private sealed class ScriptedGraph(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("Bearer t", request.Headers.Authorization?.ToString());
            var (status, body) = answers[Math.Min(Calls++, answers.Length - 1)];
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
