namespace OneStop.Licensing.Contracts;
