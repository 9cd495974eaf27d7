using System.Net;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.Sandbox;

public sealed class FaultTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartChatAsync(Ani);
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after_and_then_the_method_works_again()
    {
        Server.InjectFault("sendMessage", BotApiFault.TooManyRequests(3));

        var body = await Api.ErrorAsync("sendMessage", new { chat_id = AniId, text = "Halo" }, 429);

        Assert.Equal("Too Many Requests: retry after 3", body["description"]!.GetValue<string>());
        Assert.Equal(3, body["parameters"]!["retry_after"]!.GetValue<int>());
        Assert.Null(Server.LastBotMessage(AniId));
        await SendAsync(new { chat_id = AniId, text = "Halo" });
        var attempts = Server.RequestLog.Where(r => r.Method == "sendMessage").ToList();
        Assert.Equal([429, 200], attempts.Select(r => r.StatusCode!.Value));
        Assert.Equal(BotApiFaultKind.TooManyRequests, attempts[0].Fault);
        Assert.Equal(AniId, attempts[0].ChatId);
    }

    [Fact]
    public async Task A_fault_applies_to_as_many_calls_as_asked()
    {
        Server.InjectFault("SENDMESSAGE", BotApiFault.TooManyRequests(1), count: 2);

        await Api.ErrorAsync("sendMessage", new { chat_id = AniId, text = "1" }, 429);
        await Api.ErrorAsync("sendMessage", new { chat_id = AniId, text = "2" }, 429);
        await SendAsync(new { chat_id = AniId, text = "3" });
        await Api.ResultAsync("getMe");
    }

    [Fact]
    public async Task A_server_error_answers_502_with_an_html_page()
    {
        Server.InjectFault("getUpdates", BotApiFault.ServerError());

        using var response = await Api.Http.PostAsync(Api.MethodUrl("getUpdates"), null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>502 Bad Gateway</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_client_without_sending_the_message()
    {
        Server.InjectFault("sendMessage", BotApiFault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => Api.CallAsync("sendMessage", new { chat_id = AniId, text = "Halo" }));

        Assert.Null(Server.LastBotMessage(AniId));
        var logged = await Server.WaitForRequestAsync(r => r.Method == "sendMessage", Patience);
        Assert.Null(logged.StatusCode);
        Assert.Equal(BotApiFaultKind.DropConnection, logged.Fault);
    }

    [Fact]
    public async Task A_dropped_response_fails_the_client_although_the_message_was_sent()
    {
        Server.InjectFault("sendMessage", BotApiFault.DropResponse());

        await Assert.ThrowsAsync<HttpRequestException>(() => Api.CallAsync("sendMessage", new { chat_id = AniId, text = "Halo" }));

        Assert.Equal("Halo", Server.LastBotMessage(AniId)!.Text);
    }

    [Fact]
    public async Task Cleared_faults_no_longer_fire()
    {
        Server.InjectFault("*", BotApiFault.ServerError(), count: 5);

        Server.ClearFaults();

        await Api.ResultAsync("getMe");
    }
}
