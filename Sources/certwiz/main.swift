CertWiz.main()
