"""Templates a clerk customises: copy the shipped ones out, check edited ones, find the folder a config names."""
