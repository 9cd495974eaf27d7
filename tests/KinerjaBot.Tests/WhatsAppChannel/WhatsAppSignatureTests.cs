using KinerjaBot.WhatsApp;
using System.Text;

namespace KinerjaBot.Tests.WhatsAppChannel;

public sealed class WhatsAppSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\"}");

    [Fact]
    public void A_signature_made_with_the_app_secret_over_the_raw_body_is_accepted()
    {
        Assert.True(WebhookSignature.IsValid(Body, WebhookSignature.Compute(Body, "secret"), "secret"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=0123")]
    [InlineData("sha256=zz")]
    public void A_missing_or_malformed_signature_is_refused(string? header)
    {
        Assert.False(WebhookSignature.IsValid(Body, header, "secret"));
    }

    [Fact]
    public void A_signature_made_with_another_secret_or_over_another_body_is_refused()
    {
        Assert.False(WebhookSignature.IsValid(Body, WebhookSignature.Compute(Body, "other"), "secret"));
        Assert.False(WebhookSignature.IsValid([.. Body, (byte)' '], WebhookSignature.Compute(Body, "secret"), "secret"));
    }

    [Fact]
    public void The_handshake_answers_only_a_subscribe_with_the_right_verify_token()
    {
        Assert.Equal("42", WebhookHandshake.Answer("subscribe", "verify", "42", "verify"));
        Assert.Null(WebhookHandshake.Answer("subscribe", "wrong", "42", "verify"));
        Assert.Null(WebhookHandshake.Answer("unsubscribe", "verify", "42", "verify"));
        Assert.Null(WebhookHandshake.Answer("subscribe", "verify", null, "verify"));
    }
}
