print("certwiz")
