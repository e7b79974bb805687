from cluster_cli.cli.app import main

main()
