using KinerjaBot.Hosting;

return await KinerjaBotApp.RunAsync(args, Console.Out, Console.Error);
