using KinerjaBot.Configuration;
using Microsoft.Extensions.Hosting;

namespace KinerjaBot.Hosting;

/// <summary>One office of an <see cref="OfficeDeployment"/>: its configuration and the complete bot host that serves it.</summary>
public sealed record DeployedOffice(OfficeConfiguration Configuration, string ConfigFolder, IHost Host, SandboxRunner? Sandbox)
{
    public string Id => Configuration.Office.Id;
}
