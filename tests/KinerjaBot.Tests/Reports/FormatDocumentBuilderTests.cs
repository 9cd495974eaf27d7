using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reports;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Reports;

/// <summary>The signed format and its letter name whoever really signed: the head, or a Plh. standing in.</summary>
public sealed class FormatDocumentBuilderTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);
    private static readonly WorkflowInstance Format = new(7, WorkflowKind.FormatApproval, "2026-TW4", null, FormatApprovalWorkflow.Signed, 4, 1);

    private readonly OfficeConfiguration _office = SampleOffice.Configuration;

    [Fact]
    public void A_format_signed_by_a_plh_puts_the_plh_with_their_own_name_and_nip_on_the_format_and_the_letter()
    {
        var audit = Audit(signer: "sekcam", new ActingCapacity("camat", ActingKind.Plh));
        var builder = new FormatDocumentBuilder(_office);

        var format = builder.BuildFormat(Format, audit, "050/1/KEC-SUKAMAJU/2026", SignedAt.AddDays(3), SignedAt);
        var letter = builder.BuildLetter(Format, audit, "050/1/KEC-SUKAMAJU/2026", SignedAt, SignedAt.AddDays(3));

        var sekcam = _office.Official("sekcam");
        foreach (var signature in new[] { format.Signature, letter.Signature })
        {
            Assert.Equal($"Plh. {_office.Official("camat").Position}", signature.Position);
            Assert.Equal(sekcam.Name, signature.Name);
            Assert.Equal(Nip.Group(sekcam.Nip), signature.Nip);
        }
    }

    [Fact]
    public void A_format_the_head_signs_himself_carries_the_heads_name_and_position()
    {
        var audit = Audit(signer: "camat", acting: null);

        var letter = new FormatDocumentBuilder(_office).BuildLetter(Format, audit, "050/2/KEC-SUKAMAJU/2026", SignedAt, SignedAt.AddDays(3));

        var camat = _office.Official("camat");
        Assert.Equal(camat.Position, letter.Signature.Position);
        Assert.Equal(camat.Name, letter.Signature.Name);
    }

    private static List<AuditEntry> Audit(string signer, ActingCapacity? acting) =>
    [
        new(Format.Id, SignedAt.AddHours(-3), "staf-pk", WorkflowTrigger.Submit, FormatApprovalWorkflow.Correction, FormatApprovalWorkflow.Review, null, 1),
        new(Format.Id, SignedAt.AddHours(-2), "kasubbag-pk", WorkflowTrigger.Approve, FormatApprovalWorkflow.Review, FormatApprovalWorkflow.Paraf, null, 2),
        new(Format.Id, SignedAt.AddHours(-1), "sekcam", WorkflowTrigger.Approve, FormatApprovalWorkflow.Paraf, FormatApprovalWorkflow.Signature, null, 3),
        new(Format.Id, SignedAt, signer, WorkflowTrigger.Approve, FormatApprovalWorkflow.Signature, FormatApprovalWorkflow.Signed, null, 4) { ActingFor = acting },
    ];
}
