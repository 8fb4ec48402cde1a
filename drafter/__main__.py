from drafter.entry import main

main()
