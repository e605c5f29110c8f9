"""Tashawur: multistakeholder open consultations for intergovernmental working groups."""
