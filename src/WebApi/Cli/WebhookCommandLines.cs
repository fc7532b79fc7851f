using System.CommandLine;
using AuthPlatform.Application.Webhooks.AddWebhook;
using AuthPlatform.Application.Webhooks.ListWebhooks;
using AuthPlatform.Application.Webhooks.RemoveWebhook;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>add-webhook --url U [--events sign-in,admin.user-banned]</c> (prints the id and the signing secret, once),
/// <c>list-webhooks</c> and <c>remove-webhook --id I</c>: the same messages as the admin routes.
/// </summary>
public static class WebhookCommandLines
{
    public static Command CreateAdd()
    {
        var url = new Option<string>("--url") { Description = "The receiver's URL (http or https).", Required = true };
        var events = new Option<string?>("--events") { Description = "Comma-separated audit event types; all when omitted." };
        var command = new Command("add-webhook", "Register a webhook endpoint; prints its id and its signing secret (shown once).") { url, events };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var types = (parse.GetValue(events) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var result = await OperatorHost.SendAsync(services, new AddWebhookCommand(parse.GetValue(url), types), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            await Console.Out.WriteLineAsync($"Registered webhook {result.Value.Webhook.Id} for {string.Join(',', result.Value.Webhook.Events)}.");
            await Console.Out.WriteLineAsync($"Signing secret (shown once): {result.Value.Secret}");
            return 0;
        }, cancellationToken));
        return command;
    }

    public static Command CreateList()
    {
        var command = new Command("list-webhooks", "List webhook endpoints and their delivery state.");
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var result = await OperatorHost.AskAsync(services, new ListWebhooksQuery(), ct);
            foreach (var w in result.Value)
            {
                var state = w.FailedAttempts == 0 ? "ok" : $"{w.FailedAttempts} failed attempt(s), retry at {w.RetryAt:O}: {w.LastError}";
                await Console.Out.WriteLineAsync($"{w.Id} {w.Url} [{string.Join(',', w.Events)}] through position {w.DeliveredThrough}; {state}");
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    public static Command CreateRemove()
    {
        var id = new Option<string>("--id") { Description = "The webhook's id (list-webhooks).", Required = true };
        var command = new Command("remove-webhook", "Remove a webhook endpoint and its delivery log.") { id };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var result = await OperatorHost.SendAsync(services, new RemoveWebhookCommand(parse.GetValue(id)), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            await Console.Out.WriteLineAsync("Removed.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
