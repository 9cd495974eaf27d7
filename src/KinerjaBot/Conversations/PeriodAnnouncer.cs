using KinerjaBot.Actions;
using KinerjaBot.Messaging;
using KinerjaBot.Periods;
using KinerjaBot.Storage;

namespace KinerjaBot.Conversations;

/// <summary>
/// Turns an opened period into the opening message for each invited unit head, with Mulai isi, queued in the
/// transaction that opened it. /buka and the <c>period open</c> command both use it, so heads read the same
/// message whoever opened the period.
/// </summary>
public sealed class PeriodAnnouncer(ConversationServices services)
{
    /// <summary>
    /// Queues the opening messages; returns how many heads have a chat to receive theirs now (the rest get it when they
    /// register). <paramref name="letterPath"/> is the signed notification letter attached to each (format approval).
    /// </summary>
    public async Task<int> AnnounceAsync(StoreTransaction transaction, PeriodOpeningResult opened, DateTimeOffset now, CancellationToken cancellationToken, string? letterPath = null)
    {
        var delivered = 0;
        foreach (var invited in opened.Invited)
        {
            var submission = (await SubmissionSnapshot.LoadAsync(transaction, services.Office, invited.SubmissionId, cancellationToken))!;
            var text = PendingWork.OpeningText(services.Office, submission, opened.FillDeadline!.Value);
            if (await RollupConfirmationFlow.PrefilledLineAsync(transaction, submission, cancellationToken) is { } prefilled)
            {
                text.Plain("\n\n" + prefilled);
            }

            var message = new OutgoingMessage
            {
                Text = text.Spans,
                Choices = await WorkflowChoices.ForAsync(services.Workflows, submission.Instance, services.Workflows.RecipientFor(invited.HeadId)),
                DocumentPath = letterPath,
                DocumentName = letterPath is null ? null : Path.GetFileName(letterPath),
                OpensPeriod = true,
            };
            if (await OfficialOutbox.SendAsync(transaction, services.Workflows.RecipientFor(invited.HeadId), message, now, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }
}
